// Swedish personnummer and samordningsnummer in free text: found with a loose pattern, confirmed
// with the personnummer library (date and Luhn checksum), and only ever shown masked.
import pnrModule from 'personnummer';

// The package is CommonJS with `export default` in its types: Node gives the class as the
// default import, while TypeScript (NodeNext) sees a namespace. Accept both.
type PnrClass = typeof import('personnummer').default;
const Personnummer: PnrClass = ((pnrModule as unknown as { default?: PnrClass }).default ?? pnrModule) as PnrClass;

export interface PnrHit {
  /** Offset in the searched string. */
  index: number;
  length: number;
  /** The digits only (for matching the same number found two ways). */
  digits: string;
  masked: string;
  kind: 'personnummer' | 'samordningsnummer';
}

// What an editor puts where a hyphen or a space was typed (Word: en dash, non-breaking hyphen,
// no-break and thin spaces; a soft hyphen is invisible).
const DASHES = '\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D';
const SPACES = '\\t\\u00A0\\u00AD\\u2000-\\u200B\\u202F\\u205F\\u2060\\u3000';
/** Both, for a character class. */
export const SEPARATOR_CHARS = DASHES + SPACES;
const DASH_RE = new RegExp(`[${DASHES}]`, 'g');
const SPACE_RE = new RegExp(`[${SPACES}]`, 'g');

/** Every dash as "-" and every space as " ", the length unchanged. */
export function normaliseSeparators(s: string): string {
  return s.replace(DASH_RE, '-').replace(SPACE_RE, ' ');
}

// 6 or 8 digits, a separator, 4 digits; not inside a longer number. The separator is checked
// below, once normalised: spaces, at most one line break (a wrapped line, in the text or in a
// block's value) and at most one "-" or "+". The pattern takes the raw characters, so that only
// a candidate's separator is normalised, never the whole text.
const CANDIDATE = new RegExp(`(?<!\\d)(?:\\d{2})?\\d{6}[-+ \\r\\n${SEPARATOR_CHARS}]*\\d{4}(?!\\d)`, 'g');

/** Every valid personnummer or samordningsnummer in a string. */
export function findPnr(s: string): PnrHit[] {
  if (s.length < 10) return [];
  const out: PnrHit[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(s); m; m = CANDIDATE.exec(s)) {
    const raw = m[0];
    const head = raw.replace(/\D/g, '').slice(0, -4);
    const sep = normaliseSeparators(raw.slice(head.length, -4));
    const signs = sep.replace(/[^-+]/g, '');
    if (signs.length > 1 || sep.split('\n').length > 2) continue;
    let parsed: InstanceType<PnrClass> | undefined;
    try {
      parsed = Personnummer.parse(`${head}${signs || '-'}${raw.slice(-4)}`, { allowCoordinationNumber: true, allowInterimNumber: false });
    } catch {
      continue;
    }
    out.push({
      index: m.index,
      length: raw.length,
      digits: (head + raw.slice(-4)).slice(-10),
      // The separator as one plain character, whatever was written (a line break and indent).
      masked: `${'•'.repeat(head.length)}${signs || (sep ? ' ' : '')}••••`,
      kind: parsed.isCoordinationNumber() ? 'samordningsnummer' : 'personnummer',
    });
  }
  return out;
}

/** The string with every valid personnummer or samordningsnummer masked. */
export function maskPnr(s: string): string {
  const hits = findPnr(s);
  if (!hits.length) return s;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += s.slice(at, h.index) + h.masked;
    at = h.index + h.length;
  }
  return out + s.slice(at);
}
