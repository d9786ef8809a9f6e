// Issue 14, part N: the interview agrees with the judgement (--bara-tomma), and moving around
// in it (back, review screen, undo, help), driven in-process by a scripted person.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { step } from '../../src/commands/step.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker, type Answer } from './script.js';

const LINDESBERG = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');

function io(): IO & { text: () => string } {
  let buf = '';
  return { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {}, text: () => buf };
}

/** The complete example with some values taken out. */
function without(...paths: (string | number)[][]): string {
  const file = join(tempDir('fsstod-navig-'), 'projekt.yaml');
  const doc = parseDocument(readFileSync(LINDESBERG, 'utf8'));
  for (const p of paths) doc.deleteIn(p);
  writeFileSync(file, doc.toString());
  return file;
}

async function run(file: string, steg: number, script: [RegExp | string, Answer][], opts: { moment?: string; baraTomma?: boolean; checklista?: boolean } = {}) {
  const asker = new ScriptAsker(script);
  const out = io();
  const code = await step({ steg: String(steg), fil: file, ...opts }, out, asker);
  return { code, asker, out: out.text(), data: jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any };
}

describe('--bara-tomma asks what the judgement (judge/) finds unanswered, and no skipped optional question again', () => {
  it.each([
    // [what is taken out, step, does --bara-tomma ask anything?]
    ['a factor\'s optional comment beside its bedömning', [['analys', 'förutsättningar', 'faktorer', 'ekonomi', 'kommentar']], 3, false],
    ['a checklist comment beside its status', [['checklistor', 'steg3', 'c3', 'kommentar']], 3, false],
    ['a key figure\'s source (the list is answered)', [['analys', 'målgruppsanalys', 'nyckeltal', 0, 'källa']], 3, false],
    ['a whole factor', [['analys', 'förutsättningar', 'faktorer', 'ekonomi']], 3, true],
    ['the åtgärd of a delvis', [['checklistor', 'steg3', 'c5c', 'åtgärd']], 3, true],
  ] as const)('%s', async (_what, paths, steg, asks) => {
    const file = without(...(paths as unknown as (string | number)[][]));
    const r = await run(file, steg, [], { baraTomma: true });
    expect(r.code).toBe(0);
    expect(r.asker.prompts.length > 0, r.asker.prompts.map((p) => p.message).join(' | ')).toBe(asks);
    // The step's summary (the same judgement) says complete exactly when nothing was left to ask.
    if (!asks) expect(r.out).toContain('Allt i steget är besvarat.');
  });

  it('a delvis without åtgärd is asked its åtgärd, not again its optional comment', async () => {
    const file = without(['checklistor', 'steg3', 'c5c', 'åtgärd'], ['checklistor', 'steg3', 'c5c', 'kommentar']);
    const r = await run(file, 3, [[/vad/i, 'Samla in uppgifter']], { baraTomma: true });
    expect(r.code).toBe(0);
    expect(r.asker.prompts.map((p) => p.message).filter((m) => /Kommentar|Svar på/.test(m))).toEqual([]);
    expect(r.data.checklistor.steg3.c5c.åtgärd.vad).toBe('Samla in uppgifter');
  });
});
