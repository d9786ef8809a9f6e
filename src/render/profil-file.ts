// What a profile's file is, apart from reading it (profil.ts): light enough for check's start,
// where a folder of project files may hold a kommun's profile (check/files.ts).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeUserText, parseUserYaml } from '../project/load.js';

export const PROFILE_FILE = 'profil.yaml';
/** The fields of profil.yaml. */
export const PROFILE_KEYS = ['namn', 'färger', 'logotyp', 'typsnitt', 'sidhuvud', 'sidfot', 'wordmall'];

/**
 * Whether a file met in a folder of project files is a profile's profil.yaml rather than a project
 * file: so named, a mapping of profile fields only (no formatversion, which the loader asks of every
 * project file). What cannot be read is not a profile here: reading it as a project file says why.
 */
export function isProfileFile(file: string): boolean {
  if (basename(file) !== PROFILE_FILE) return false;
  try {
    const data = parseUserYaml(decodeUserText(readFileSync(file), file).text, file).data;
    return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).every((k) => PROFILE_KEYS.includes(k));
  } catch {
    return false;
  }
}
