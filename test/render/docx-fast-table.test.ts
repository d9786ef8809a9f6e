// docx/fast-table.ts writes a plain table's XML itself. Its promise: the very bytes docx writes
// for the same table, so that the DOCX is the same with and without it. Checked on random tables
// (runs bold, italic and struck or not, text with what XML escapes, soft hyphens and the like),
// on every built-in document of every example (with and without the profile), and on the län's
// översikt: each written with the fast tables and with a copy of the writer where
// fastTableXml takes no table, and the two DOCX files compared byte for byte.
import { describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDocx } from '../../src/render/docx/write.js';
import { fastTableXml, type TableSpec } from '../../src/render/docx/fast-table.js';
import { buildModel, chartImages, modelFromContext } from '../../src/render/index.js';
import { loadProfil } from '../../src/render/profil.js';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import type { Block, DocModel, Inline } from '../../src/render/model.js';
import type { Project } from '../../src/project/types.js';
import { fromRoot } from '../../src/paths.js';
import { ROOT } from '../helpers/cli.js';
import { länContext } from '../oversikt/lan.js';

/** writeDocx from a second copy of the writer whose fastTableXml takes no table; it counts its calls. */
async function slowWriter(): Promise<typeof writeDocx & { calls: () => number }> {
  let calls = 0;
  vi.resetModules();
  vi.doMock('../../src/render/docx/fast-table.js', async (orig) => ({ ...(await orig<typeof import('../../src/render/docx/fast-table.js')>()), fastTableXml: () => { calls++; return undefined; } }));
  const m = await import('../../src/render/docx/write.js');
  vi.doUnmock('../../src/render/docx/fast-table.js');
  vi.resetModules();
  return Object.assign((...a: Parameters<typeof writeDocx>) => m.writeDocx(...a), { calls: () => calls });
}

const META: DocModel['meta'] = { dokument: 'översikt', titel: 'T', projekt: 'P', kommun: 'K', period: '', version: '', status: '', diarienummer: '', datum: '2026-12-02', tid: new Date('2026-12-02T00:00:00Z'), exempel: false, lang: 'sv-SE' };

function rand(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** How many of the model's tables fastTableXml would take (it is called for each table). */
const taken = (m: DocModel) => m.blocks.filter((b) => b.kind === 'table').length;

describe('docx/fast-table: the bytes docx writes', () => {
  it('random tables: the same DOCX with and without, and most plain tables taken', async () => {
    const slow = await slowWriter();
    const r = rand(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const TEXTS = ['Ale', 'Upplands Väsby', '100 %', 'a & b', '<tagg>', '"citat"', "it's", 'mjuk\u00adbindestreck', '255\u00a0000 kr', '–', 'ingen', '2025-03-24', 'rad\nbrytning', '', ' mellanslag ', '😀'];
    const flag = () => pick([undefined, undefined, true, false]);
    const run = (): Inline => ({ text: pick(TEXTS), ...(r() < 0.3 ? { bold: flag() } : {}), ...(r() < 0.2 ? { italic: flag() } : {}), ...(r() < 0.1 ? { strike: flag() } : {}), ...(r() < 0.03 ? { href: 'https://x.se' } : {}), ...(r() < 0.03 ? { code: true } : {}) });
    const cellOf = () => Array.from({ length: Math.floor(r() * 3) }, run);
    const blocks: Block[] = [];
    for (let n = 0; n < 120; n++) {
      const cols = 1 + Math.floor(r() * 5);
      const labels = cols === 2 && r() < 0.3;
      blocks.push({ kind: 'heading', level: 2, text: [{ text: `Tabell ${n}` }], id: `t${n}` });
      blocks.push({ kind: 'table', header: Array.from({ length: cols }, () => (labels ? [] : cellOf().map((x) => ({ ...x, bold: true })))), rows: Array.from({ length: Math.floor(r() * 6) }, () => Array.from({ length: cols }, cellOf)), ...(labels ? { labels: true } : {}) });
    }
    // And one in a list (indented: always left to docx).
    blocks.push({ kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', text: [{ text: 'punkt' }] }, { kind: 'table', header: [[{ text: 'A', bold: true }]], rows: [[[{ text: 'b' }]]] }]] });
    const model: DocModel = { meta: META, blocks };
    const fast = await writeDocx(model, new Map(), () => {});
    const plain = await slow(model, new Map(), () => {});
    expect(slow.calls()).toBe(120);
    expect(fast.equals(plain)).toBe(true);
    // Some were taken and some not (else the comparison would prove little).
    const specs = blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').slice(0, 120);
    const plainText = (xs: Inline[][]) => xs.every((c) => c.every((x) => x.text && !/\n|\d{4}-\d{2}-\d{2}/.test(x.text) && !x.href && !x.code));
    const fastOnes = specs.filter((t) => plainText(t.header) && t.rows.every(plainText)).length;
    expect(fastOnes).toBeGreaterThan(20);
    expect(fastOnes).toBeLessThan(120);
  });

  it('leaves to docx a table with a link, code, a line break, an ISO date or an empty run', () => {
    const spec = (x: Inline): TableSpec => ({ total: 9306, widths: [9306], fill: 'E8EEF7', size: 18, rows: [{ header: false, cells: [{ header: false, keepNext: false, runs: [x] }] }] });
    expect(fastTableXml(spec({ text: 'a' }))).toMatch(/^<w:tbl>.*<w:t xml:space="preserve">a<\/w:t>.*<\/w:tbl>$/);
    for (const x of [{ text: 'a', href: 'https://x.se' }, { text: 'a', code: true }, { text: 'a\nb' }, { text: 'den 2025-03-24' }, { text: '' }]) expect(fastTableXml(spec(x)), JSON.stringify(x)).toBeUndefined();
  });

  const method = loadMethod();
  const when = new Date('2026-01-15T00:00:00Z');
  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(ROOT, 'examples', d.name, 'projekt.yaml'))).map((d) => d.name);
  it.each(examples)('example %s: every built-in document, also with the profile, the same DOCX with and without', async (ex) => {
    const slow = await slowWriter();
    const profil = loadProfil(join(ROOT, 'examples', 'profil'));
    const project = loadProject(join(ROOT, 'examples', ex, 'projekt.yaml')).data as unknown as Project;
    let tables = 0;
    for (const dokument of ['förankring', 'lägesbild', 'handlingsplan', 'uppföljning'] as const) {
      const { model } = buildModel(project, method, dokument, when, undefined, () => {});
      tables += taken(model);
      for (const p of [undefined, profil]) {
        const images = await chartImages(model, true, fromRoot('assets', 'fonts'));
        const fast = await writeDocx(model, images, () => {}, p);
        expect(fast.equals(await slow(model, images, () => {}, p)), `${dokument}${p ? ' med profil' : ''}`).toBe(true);
      }
    }
    expect(tables).toBeGreaterThan(3);
    expect(slow.calls()).toBe(tables * 2);
  }, 120_000);

  it("the län's översikt (12 kommuner, with last year): the same DOCX with and without", async () => {
    const slow = await slowWriter();
    const ctx = länContext(method);
    const { model } = modelFromContext('översikt', ctx, { ...META, titel: String(ctx.titel) }, undefined, () => {});
    const images = await chartImages(model, true, fromRoot('assets', 'fonts'));
    expect(taken(model)).toBeGreaterThan(4);
    expect((await writeDocx(model, images, () => {})).equals(await slow(model, images, () => {}))).toBe(true);
    expect(slow.calls()).toBe(taken(model));
  }, 120_000);
});
