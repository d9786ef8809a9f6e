import type { Formatter } from './common.js';
import { text } from './text.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { github } from './github.js';

export const FORMATTERS: Record<string, Formatter> = { text, json, junit, sarif, github };
export type { Formatter, FormatOptions } from './common.js';
