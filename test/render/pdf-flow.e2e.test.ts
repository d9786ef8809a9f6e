// Page flow of every PDF of every example (issue 13, defect 8), read page by page with
// pdftotext -bbox: no heading or question alone at the foot of a page, no paragraph that leaves
// one line alone at the foot (orphan) or the head (widow) of a page, no page left 85 % empty by a
// short section (the last page of a document may be short).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { lastRowsAlone, pdfWords, tableRows } from '../helpers/tabellrader.js';

const EXAMPLES = ['lindesberg', 'hjo-tidaholm', 'boras'];
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const docs: { file: string; path: string; pages: Page[]; heads: string[]; paras: string[] }[] = [];

interface Page { height: number; lines: { y: number; yMax: number; text: string }[] }

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Each page's lines of text (words grouped by their top), without the running header and page number. */
async function pagesOf(file: string): Promise<Page[]> {
  const xml = await runTool('pdftotext', ['-bbox', file, '-']);
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[1]);
    const words = [...m[2]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({ x: Number(w[1]), y: Number(w[2]), yMax: Number(w[4]), t: unescape(w[5]!) }))
      .filter((w) => w.y > 45 && w.y < height - 50);
    const lines: Page['lines'] = [];
    for (const w of words.sort((a, b) => a.y - b.y || a.x - b.x)) {
      const l = lines.find((x) => Math.abs(x.y - w.y) < 2);
      if (l) { l.text += ` ${w.t}`; l.yMax = Math.max(l.yMax, w.yMax); } else lines.push({ y: w.y, yMax: w.yMax, text: w.t });
    }
    return { height, lines };
  });
}

beforeAll(async () => {
  if (!have('pdftotext') || !have('pdfinfo')) return;
  for (const ex of EXAMPLES) {
    const out = tempDir(`fsstod-flow-${ex}-`);
    const r = await runCliAsync(['render', 'alla', join(ROOT, 'examples', ex, 'projekt.yaml'), '--format', 'pdf,html', '--ut', out], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
    if (r.code !== 0) throw new Error(r.stderr + r.stdout);
    for (const f of readdirSync(out).filter((n) => n.endsWith('.pdf'))) {
      const file = join(out, f);
      const struct = await runTool('pdfinfo', ['-struct-text', file]);
      const heads = [...struct.matchAll(/^\s*H[2-6] \(block\)\n\s*"([^"]*)"/gm)].map((x) => norm(x[1]!));
      const paras = [...struct.matchAll(/^\s*P \(block\)\n\s*"([^"]*)"\n(?!\s*")/gm)].map((x) => norm(x[1]!));
      docs.push({ file: f, path: file, pages: await pagesOf(file), heads, paras });
    }
  }
}, 300_000);

const ok = have('pdftotext') && have('pdfinfo');

describe.skipIf(!ok)('PDF page flow (pdftotext per page, every example)', () => {
  it('renders every document of every example', () => {
    expect(docs.length).toBe(EXAMPLES.length * 4);
  });

  it('no heading, and no question (a paragraph ending in "?"), is the last thing on a page', () => {
    const bad: string[] = [];
    for (const d of docs) {
      const questions = d.paras.filter((p) => p.endsWith('?') && p.length < 300);
      d.pages.slice(0, -1).forEach((p, i) => {
        const last = norm(p.lines.at(-1)?.text ?? '');
        if (!last) return;
        // A heading or question over several lines ends with the last two lines; one table cell
        // that happens to end like a heading ("samhällsorientering") is not one.
        const two = norm(`${p.lines.at(-2)?.text ?? ''} ${last}`);
        const hit = [...d.heads, ...questions].find((h) => h === last || (last.length > 15 && h.endsWith(last) && (h.endsWith(two) || two.endsWith(h))));
        if (hit) bad.push(`${d.file} sida ${i + 1}: "${hit}" står sist på sidan`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('no paragraph leaves a single line at the foot or at the head of a page', () => {
    const bad: string[] = [];
    for (const d of docs) {
      for (let i = 0; i + 1 < d.pages.length; i++) {
        const foot = norm(d.pages[i]!.lines.at(-1)?.text ?? '');
        const head = norm(d.pages[i + 1]!.lines[0]?.text ?? '');
        if (!foot || !head) continue;
        for (const p of d.paras) {
          const k = p.indexOf(`${foot} ${head}`);
          if (k < 0) continue;
          if (k === 0) bad.push(`${d.file} sida ${i + 1}: bara första raden av "${p.slice(0, 50)}…" står sist på sidan`);
          if (p.endsWith(head) && k + foot.length + 1 + head.length === p.length) bad.push(`${d.file} sida ${i + 2}: bara sista raden av "${p.slice(0, 50)}…" står först på sidan`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('no list marker is left alone at the foot of a page, its text on the next', () => {
    const bad: string[] = [];
    for (const d of docs) {
      d.pages.slice(0, -1).forEach((p, i) => {
        const last = norm(p.lines.at(-1)?.text ?? '');
        if (/^([•◦▪]|\d+\.)$/.test(last)) bad.push(`${d.file} sida ${i + 1}: punkten "${last}" står ensam sist på sidan`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('no page but the last is left 85 % empty', () => {
    const bad: string[] = [];
    for (const d of docs) {
      d.pages.slice(0, -1).forEach((p, i) => {
        const body = p.height - 2 * 72;
        const used = p.lines.length ? (Math.max(...p.lines.map((l) => l.yMax)) - 72) / body : 0;
        if (used < 0.15) bad.push(`${d.file} sida ${i + 1}: ${Math.round(used * 100)} % fylld`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('no page holds a table\'s last row alone (the last two rows go over together)', async () => {
    const bad: string[] = [], missed: string[] = [];
    let tables = 0;
    for (const d of docs) {
      const t = tableRows(readFileSync(d.path.replace(/\.pdf$/, '.html'), 'utf8'));
      tables += t.filter((r) => r.length >= 3).length;
      const r = lastRowsAlone(t, await pdfWords(d.path));
      bad.push(...r.alone.map((x) => `${d.file}: ${x}`));
      missed.push(...r.missed.map((x) => `${d.file}: ${x}`));
    }
    expect(tables).toBeGreaterThan(20);
    expect(missed).toEqual([]);
    expect(bad).toEqual([]);
  }, 60_000);
});
