// Issue 14, part N: a table pasted into a list in a real terminal (tmux), as a person pastes
// from Excel (Ctrl-Shift-V: tabs between cells, CRLF between rows, in one bracketed paste).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { Pane, hasTmux, killServer } from './tmux.js';

const data = (file: string) => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as any;
const excel = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

describe.skipIf(!hasTmux())('a table pasted into a list (tmux)', () => {
  afterAll(() => killServer());

  it('a wrong header is refused with the allowed ones; the table from Excel is previewed, confirmed and saved at once', async () => {
    const dir = tempDir('fsstod-tabell-e2e-');
    const file = join(dir, 'projekt.yaml');
    copyFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'), file);
    if (/^formatversion: 1\b/m.test(readFileSync(file, 'utf8'))) expect(runCli(['migrera', file]).code).toBe(0);
    const comments = (s: string) => s.split('\n').filter((l) => /^\s*#/.test(l));
    const before = readFileSync(file, 'utf8');
    const pane = new Pane(dir, `node ${BIN} step 3 --moment 3.1`);
    try {
      await pane.waitFor('? Nyckeltal (0 st)');
      expect(pane.active()).toContain('Klistra in en tabell (från Excel eller Word)');
      pane.keys('Down', 'Enter');
      await pane.waitFor('? Klistra in tabellen (nyckeltal)');
      const flat = () => pane.screen().replace(/\n {2,}/g, ' ');
      expect(flat()).toMatch(/Rubriker som går: Nyckeltal, Kategori, Värde, .*Jämförelser: Jämförs med/);
      // A header the list does not have: refused, nothing saved.
      pane.paste(excel(['Nyckeltal', 'Färg'], ['Andel barn', 'röd']));
      await pane.waitFor('⇥');
      pane.keys('Enter');
      await pane.waitFor(/Rubriken "Färg" passar inget fält här\./);
      expect(readFileSync(file, 'utf8')).toBe(before);
      // Clear the line (Ctrl-U) and paste the right table.
      pane.keys('C-u');
      pane.paste(excel(
        ['Nyckeltal', 'Kategori', 'Värde', 'Enhet', 'År', 'Källa', 'Uppdelat på kön', 'Jämförelser: Jämförs med', 'Jämförelser: Värde'],
        ['Barn i ekonomiskt utsatta hushåll', 'Riskfaktor', '12,5', 'procent', '2025', 'SCB via Kolada', '', 'riket', '10,6'],
        ['', '', '', '', '', '', '', 'länet', '11,2'],
        ['Elever i åk 9 som mår bra', 'Utfall', 'ca 64', 'procent', '2023', 'Elevhälsoenkäten', 'f 51 p 77', '', ''],
      ));
      await pane.waitFor('Elevhälsoenkäten');
      pane.keys('Enter');
      await pane.waitFor('? Lägga till 2 st (nyckeltal)?');
      const screen = pane.screen();
      expect(screen).toContain('N1 Barn i ekonomiskt utsatta hushåll');
      expect(screen).toMatch(/Jämförelser: 2 st/);
      expect(screen).toContain('N2 Elever i åk 9 som mår bra');
      // Nothing is saved before the yes.
      expect(readFileSync(file, 'utf8')).toBe(before);
      pane.keys('Enter');
      await pane.waitFor('? Nyckeltal (2 st)');
      expect(pane.screen()).toContain('✓ 2 st sparade (N1–N2)');
      expect(data(file).analys.målgruppsanalys.nyckeltal).toEqual([
        { id: 'N1', namn: 'Barn i ekonomiskt utsatta hushåll', kategori: 'riskfaktor', värde: 12.5, enhet: 'procent', år: 2025, källa: 'SCB via Kolada', jämförelser: [{ med: 'riket', värde: 10.6 }, { med: 'länet', värde: 11.2 }] },
        { id: 'N2', namn: 'Elever i åk 9 som mår bra', kategori: 'utfall', värde: { ca: 64 }, enhet: 'procent', år: 2023, källa: 'Elevhälsoenkäten', per_kön: { flickor: 51, pojkar: 77 } },
      ]);
      expect(comments(readFileSync(file, 'utf8'))).toEqual(comments(before));
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  }, 120_000);
});
