// The personnummer rule through the real CLI: numbers wrapped over two lines by a block or a plain
// scalar, and written with the dashes and spaces Word puts in, are found and pointed at; phone
// numbers, organisationsnummer, dates and diarienummer are not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCliAsync, tempDir } from '../helpers/cli.js';

const HEAD = `formatversion: 1
projekt:
  namn: Test
  kommuner:
    - kod: "1885"
      namn: Lindesberg
`;

// 19811218-9876 is valid (date and checksum), 19811218-9875 is not. Each line of the body with the
// numbers it must be reported at (by how they start; the column is where that text stands).
const BODY: [string, string[]][] = [
  ['förankring:', []],
  ['  motivering: >-', []],
  ['    Kontakt 19811218-', ['19811218']],
  ['    9876 på socialtjänsten.', []],
  ['  sammanhang: >', []],
  ['    Kontakt 811218', ['811218']],
  ['    -9876.', []],
  ['  behov: |', []],
  ['    Kontakt 19811218\u2013', ['19811218']],
  ['    9876.', []],
  ['  bakgrund: Kontakt 19811218', ['19811218']],
  ['    9876 på socialtjänsten.', []],
  ['  skiss: "a 19811218\u20139876 b 19811218\u20149876 c 19811218\u20119876"', ['a 1', 'b 1', 'c 1']],
  ['  skiss2: "d 19811218\u20129876 e 19811218\u22129876 f 19811218\u00A09876"', ['d 1', 'e 1', 'f 1']],
  ['  skiss3: "g 19811218\u202F9876 h 19811218\u20099876 i 701063\u20132391"', ['g 1', 'h 1', 'i 7']],
  ['  falsklarm: >-', []],
  ['    Ring 070-123 45 67, 08-123 456 78 eller +46 70 123 45 67.', []],
  ['    Skatteverket 212000-1892, föreningen 802468\u20130019.', []],
  ['    Dnr KS 2025/123 och 2025-00123, beslut 2025-01-15, 20250115.', []],
  ['    Fel kontrollsiffra 19811218-', []],
  ['    9875 och 19811218\u20139875.', []],
];
/** [line, column] of every number to report (HEAD has 6 lines). */
const WANT = BODY.flatMap(([text, starts], i) => starts.map((t) => {
  const at = text.indexOf(t);
  if (at < 0) throw new Error(`${t} not in ${text}`);
  return [7 + i, at + 1 + (/^\D /.test(t) ? 2 : 0)];
}));

describe('personnummer through check --format json', () => {
  it('finds wrapped numbers and Word separators at their line and column, and nothing else', async () => {
    const dir = tempDir('fsstod-pnr-');
    const file = join(dir, 'projekt.yaml');
    writeFileSync(file, HEAD + BODY.map(([l]) => l).join('\n') + '\n');
    const r = await runCliAsync(['check', file, '--format', 'json']);
    expect(hasStackTrace(r.stdout + r.stderr), r.stderr).toBe(false);
    expect(r.code).toBe(1);
    const fynd = JSON.parse(r.stdout).filer[0].fynd as { regel: string; rad: number; kolumn: number; meddelande: string; sökväg: string[] }[];
    const pnr = fynd.filter((f) => f.regel === 'personnummer');
    expect(WANT).toHaveLength(13);
    expect(pnr.map((f) => [f.rad, f.kolumn])).toEqual(WANT);
    for (const f of pnr) {
      expect(f.meddelande).toMatch(/^Texten innehåller ett (personnummer|samordningsnummer) \((••)?••••••[- ]••••\)/);
      expect(f.sökväg[0]).toBe('förankring');
    }
    expect(pnr.filter((f) => /samordningsnummer/.test(f.meddelande)).map((f) => f.rad)).toEqual([21]);
    // Never shown, whichever way it was written.
    expect(r.stdout).not.toMatch(/1218\D{0,6}987|701063/);
  });
});
