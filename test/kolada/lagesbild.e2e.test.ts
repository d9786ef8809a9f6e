// Issue 16 (and issue 13, defect 3): a lägesbild of a file filled by `fsstöd nyckeltal hämta`
// shows each Kolada figure with its gender split and its comparisons named by what they compare
// with (riket, the län by name), and "Källa: Kolada" under the table — in DOCX, PDF and HTML, read
// back by pandoc and pdftotext. A samverkan shows one row per member kommun.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, hasStackTrace, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { row, startReplay, type Replay } from './replay.js';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = have('pandoc') && have('pdftotext');
// pandoc reads the DOCX's no-break hyphens in dates (2025-10-09) as U+2011.
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/\u2011/g, '-');

let rp: Replay;
const texts: Record<string, Record<string, string>> = {};

async function render(example: string, name: string, kpis: string[]): Promise<void> {
  const dir = tempDir('fsstod-kolada-lb-');
  const file = join(dir, 'projekt.yaml');
  copyFileSync(join(ROOT, 'examples', example, 'projekt.yaml'), file);
  const env = { FSSTOD_KOLADA_URL: rp.url, SOURCE_DATE_EPOCH: '1760000000' };
  if (kpis.length) {
    const h = await runCliAsync(['nyckeltal', 'hämta', ...kpis, file], { env });
    if (h.code !== 0) throw new Error(h.stderr);
  }
  const out = join(dir, 'ut');
  const r = await runCliAsync(['render', 'lägesbild', file, '--format', 'docx,pdf,html', '--ut', out], { env });
  if (r.code !== 0 || hasStackTrace(r.stderr)) throw new Error(r.stderr + r.stdout);
  const f = (ext: string) => join(out, readdirSync(out).find((n) => n.endsWith('.' + ext))!);
  texts[name] = {
    html: flat(await runTool('pandoc', ['-f', 'html', '-t', 'plain', '--columns=2000', f('html')])),
    docx: flat(await runTool('pandoc', ['-f', 'docx', '-t', 'plain', '--columns=2000', f('docx')])),
    // A date or a number range wrapped at its hyphen in a narrow column is one word again.
    pdf: flat(await runTool('pdftotext', [f('pdf'), '-'])).replace(/(\d)- (\d)/g, '$1-$2'),
  };
}

beforeAll(async () => {
  if (!tools) return;
  rp = await startReplay(
    [
      { id: 'N00901', title: 'Barn i ekonomiskt utsatta hushåll, andel (%)', is_divided_by_gender: 1, municipality_type: 'K' },
      { id: 'N00902', title: 'Invånare 25-64 år med eftergymnasial utbildning, andel (%)', is_divided_by_gender: 1, municipality_type: 'K' },
    ],
    [
      row('N00901', '1885', 2023, 15.8, 15.2, 16.3), row('N00901', '0018', 2023, 12.1), row('N00901', '0000', 2023, 10.6),
      row('N00902', '1885', 2023, 31.2, 38.5, 24.3), row('N00902', '0018', 2023, 40.1), row('N00902', '0000', 2023, 44.9),
      row('N00901', '1497', 2023, 9.7, 9.1, 10.2), row('N00901', '1498', 2023, 13.4, 13, 13.8), row('N00901', '0014', 2023, 11),
    ],
  );
  await render('lindesberg', 'lindesberg', ['N00901', 'N00902']);
  await render('hjo-tidaholm', 'samverkan', ['N00901']);
  await render('hjo-tidaholm', 'utan', []);
}, 300_000);
afterAll(async () => { await rp?.close(); });

describe.skipIf(!tools)('lägesbild with key figures from Kolada (pandoc, pdftotext)', () => {
  it('shows each figure with its gender split and its comparisons by name, and "Källa: Kolada" under the table', () => {
    for (const [fmt, t] of Object.entries(texts.lindesberg!)) {
      expect(t, fmt).toContain('Barn i ekonomiskt utsatta hushåll, andel (%)');
      expect(t, fmt).toMatch(/flickor 15,2 %, pojkar 16,3 %/);
      expect(t, fmt).toMatch(/kvinnor 38,5 %, män 24,3 %/);
      // Each comparison by what it compares with; its source is the figure's own (in the Källa column).
      // (pdftotext may read a narrow cell's lines in another order: there each comparison is looked for on its own.)
      if (fmt === 'pdf') for (const x of [/Riket: 10,6 %/, /Örebro län: 12,1 %/]) expect(t, fmt).toMatch(x);
      else expect(t, fmt).toMatch(/Riket: 10,6 % \(2023\); Örebro län: 12,1 % \(2023\)/);
      if (fmt === 'pdf') for (const x of ['Kolada (RKA), N00901,', 'hämtad 2025-10-09']) expect(t, fmt).toContain(x);
      else expect(t, fmt).toContain('Kolada (RKA), N00901, hämtad 2025-10-09');
      // Under the table, before the section's sources.
      // (pandoc's plain text of a DOCX table ends in a rule of dashes.)
      // (pandoc writes the HTML table's <caption> after it, as ": Nyckeltal".)
      if (fmt === 'pdf') expect(t, fmt).toContain('Källa: Kolada Källor: SCB');
      else expect(t, fmt).toMatch(/N00902, hämtad 2025-10-09 (-+ )?(: Nyckeltal )?Källa: Kolada Källor: SCB/);
      // The heading of the comparisons never claims one kind ("Riket") for all of them.
      expect(t, fmt).not.toMatch(/\bRiket\s*\|?\s*Källa/);
    }
  });

  it('samverkan: one row per member kommun, each with its own area, split and comparisons', () => {
    for (const [fmt, t] of Object.entries(texts.samverkan!)) {
      expect(t, fmt).toMatch(/Hjo kommun .{0,10}flickor 9,1 %, pojkar 10,2 % .{0,10}Riket: 10,6 % .{0,40}Västra Götalands län: 11 %/);
      expect(t, fmt).toMatch(/Tidaholms kommun .{0,10}flickor 13 %, pojkar 13,8 %/);
      expect(t, fmt).toContain('Källa: Kolada');
    }
  });

  it('no "Källa: Kolada" where no figure comes from Kolada', () => {
    for (const [fmt, t] of Object.entries(texts.utan!)) expect(t, fmt).not.toContain('Källa: Kolada');
  });
});
