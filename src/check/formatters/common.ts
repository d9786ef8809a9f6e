// Shared by the formatters (all pure: a report in, a string out).
import type { Report } from '../types.js';
import { joinSv } from '../../text.js';

export interface FormatOptions {
  /** Colours (text only), when the terminal shows them. */
  color?: boolean;
  /** The working directory, for SARIF's %SRCROOT%. */
  cwd?: string;
  /** Absolute URI of a rule's docs page. */
  docsUri?: (docs: string) => string;
  /** A rule's docs page as Markdown (SARIF help). */
  docsText?: (docs: string) => string | undefined;
}

export type Formatter = (report: Report, opts?: FormatOptions) => string;

/** "1–4", "2", "1, 3 och 6". */
export function stepsText(steps: number[]): string {
  if (!steps.length) return 'inga steg';
  const s = [...steps].sort((a, b) => a - b);
  const contiguous = s.every((n, i) => i === 0 || n === s[i - 1]! + 1);
  if (s.length > 2 && contiguous) return `steg ${s[0]}–${s.at(-1)}`;
  return `steg ${joinSv(s)}`;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 fel, 5 varningar och 1 info". */
export function countsText(n: { fel: number; varningar: number; info: number }): string {
  const { fel, varningar, info } = n;
  const parts = [fel ? plural(fel, 'fel', 'fel') : '', varningar ? plural(varningar, 'varning', 'varningar') : '', info ? `${info} info` : ''].filter(Boolean);
  return parts.length ? joinSv(parts) : 'inga anmärkningar';
}

export function scopeText(r: Report): string {
  const parts: string[] = [];
  if (r.scope.dokument) parts.push(`för ${r.scope.dokument}`);
  if (r.scope.steg) parts.push(`steg ${r.scope.steg}`);
  return parts.join(', ');
}
