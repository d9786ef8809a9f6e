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

// 6 or 8 digits, an optional separator (-, + or a space), 4 digits; not inside a longer number.
const CANDIDATE = /(?<![\d])(?:\d{2})?\d{6}[-+ ]?\d{4}(?![\d])/g;

/** Every valid personnummer or samordningsnummer in a string. */
export function findPnr(s: string): PnrHit[] {
  if (s.length < 10) return [];
  const out: PnrHit[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(s); m; m = CANDIDATE.exec(s)) {
    const raw = m[0];
    const pin = raw.replace(' ', '-');
    let parsed: InstanceType<PnrClass> | undefined;
    try {
      parsed = Personnummer.parse(pin, { allowCoordinationNumber: true, allowInterimNumber: false });
    } catch {
      continue;
    }
    out.push({
      index: m.index,
      length: raw.length,
      digits: raw.replace(/\D/g, '').slice(-10),
      masked: raw.replace(/\d/g, '•'),
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
