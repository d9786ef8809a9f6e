// The only module that imports the prompt library, so that the rest of the interview is
// plain logic that tests can drive, and so that prompts load only in commands that ask.
import { confirm, input, search } from '@inquirer/prompts';
import { AbortedError } from '../errors.js';

function isExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isExit(e)) throw new AbortedError('avbrutet');
    throw e;
  }
}

export interface Choice<T> { name: string; value: T; description?: string }

export function askSearch<T>(message: string, source: (term: string) => Choice<T>[]): Promise<T> {
  return guard(search<T>({ message, source: async (term) => source(term ?? '') }));
}

export function askConfirm(message: string, def = false): Promise<boolean> {
  return guard(confirm({ message, default: def }));
}

export function askInput(message: string, def?: string, validate?: (v: string) => true | string): Promise<string> {
  return guard(input({ message, default: def, validate }));
}
