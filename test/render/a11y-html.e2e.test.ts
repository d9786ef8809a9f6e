// Accessibility of every HTML document of every example, checked in headless Chromium (issue 13,
// defect 10): axe-core finds no violation, the page reflows at 320 CSS px (WCAG 1.4.10), links
// are targets of at least 24 px (WCAG 2.5.8), one heading hierarchy under the title, tables have
// a caption, the contents do not number numbered headings again, dates do not break.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli.js';
import { Chromium, formatViolations } from '../helpers/axe.js';

const EXAMPLES = ['lindesberg', 'hjo-tidaholm', 'boras'];
const files: string[] = [];
let browser: Chromium;

beforeAll(async () => {
  for (const ex of EXAMPLES) {
    const out = tempDir(`fsstod-a11y-${ex}-`);
    const r = await runCliAsync(['render', 'alla', join(ROOT, 'examples', ex, 'projekt.yaml'), '--format', 'html', '--ut', out], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
    if (r.code !== 0) throw new Error(r.stderr + r.stdout);
    files.push(...readdirSync(out).filter((f) => f.endsWith('.html')).map((f) => join(out, f)));
  }
  browser = await Chromium.launch();
}, 300_000);

afterAll(async () => { await browser?.close(); });

const name = (f: string) => f.split('/').pop()!;

describe('HTML documents in Chromium', () => {
  it('renders every document of every example (four per example)', () => {
    expect(files.length).toBe(EXAMPLES.length * 4);
  });

  it('axe-core 4.11 finds 0 violations in every document', async () => {
    const bad: string[] = [];
    for (const f of files) {
      const v = await browser.axe(f);
      if (v.length) bad.push(`${name(f)}:\n${formatViolations(v)}`);
    }
    expect(bad.join('\n\n')).toBe('');
  });

  it('reflows at 320 CSS px: no page-wide horizontal scrolling (WCAG 1.4.10)', async () => {
    for (const f of files) {
      const w = await browser.evaluate(f, 'document.documentElement.scrollWidth', { width: 320, height: 640 });
      expect(w, name(f)).toBeLessThanOrEqual(320);
    }
  });

  it('links are targets of at least 24 × 24 CSS px, at 320 px and at 1280 px (WCAG 2.5.8)', async () => {
    // The exception for links inside a sentence does not cover the contents, a list of links.
    const probe = `[...document.querySelectorAll('nav a')].map(a => { const r = a.getBoundingClientRect(); return { t: a.textContent, w: r.width, h: r.height }; }).filter(r => r.w < 24 || r.h < 24)`;
    for (const width of [320, 1280]) {
      for (const f of files) {
        const small = await browser.evaluate(f, probe, { width });
        expect(small, `${name(f)} vid ${width} px`).toEqual([]);
      }
    }
  });

  it('one heading hierarchy: the title is the only h1, no level is skipped, "Innehåll" is not a heading', async () => {
    const probe = `[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => ({ l: +h.tagName[1], t: h.textContent }))`;
    for (const f of files) {
      const hs: { l: number; t: string }[] = await browser.evaluate(f, probe);
      expect(hs.filter((h) => h.l === 1).length, name(f)).toBe(1);
      expect(hs[0]!.l, name(f)).toBe(1);
      for (let i = 1; i < hs.length; i++) expect(hs[i]!.l, `${name(f)}: ${hs[i]!.t}`).toBeLessThanOrEqual(hs[i - 1]!.l + 1);
      expect(hs.map((h) => h.t)).not.toContain('Innehåll');
    }
  });

  it('every table has a non-empty <caption>; label/value tables have row headers and no empty header row', async () => {
    const probe = `({
      tables: [...document.querySelectorAll('table')].map(t => (t.caption?.textContent ?? '').trim()),
      emptyTh: [...document.querySelectorAll('th')].filter(th => !th.textContent.trim()).length,
      rowTh: document.querySelectorAll('th[scope=row]').length,
    })`;
    let rowHeaders = 0;
    for (const f of files) {
      const r: { tables: string[]; emptyTh: number; rowTh: number } = await browser.evaluate(f, probe);
      expect(r.tables.filter((c) => !c), name(f)).toEqual([]);
      expect(r.emptyTh, name(f)).toBe(0);
      rowHeaders += r.rowTh;
    }
    expect(rowHeaders).toBeGreaterThan(0);
  });

  it('a caption that repeats the heading above its table is kept for screen readers but not shown twice', async () => {
    // Each table with its caption and the nearest heading before it; a shown caption has a box larger than 1 px.
    const probe = `[...document.querySelectorAll('table')].map(t => {
      const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
      const r = t.caption.getBoundingClientRect();
      return { caption: t.caption.textContent.trim(), heading: (hs.at(-1)?.textContent ?? '').trim(), shown: r.width > 1 && r.height > 1 };
    })`;
    let repeats = 0;
    for (const f of files) {
      const ts: { caption: string; heading: string; shown: boolean }[] = await browser.evaluate(f, probe);
      for (const t of ts) {
        expect(t.caption, name(f)).not.toBe('');
        if (t.caption === t.heading) { repeats++; expect(t.shown, `${name(f)}: ${t.caption}`).toBe(false); }
      }
      // A caption that says something of its own ("…, tabell 2") is still shown.
      if (ts.some((t) => t.caption !== t.heading)) expect(ts.filter((t) => t.caption !== t.heading).every((t) => t.shown), name(f)).toBe(true);
    }
    expect(repeats).toBeGreaterThan(10);
  });

  it('the contents do not number headings that carry their own number', async () => {
    // An <ol> shows its numbers; a heading "3. Lägesbild" in it would read "1. 3. Lägesbild".
    const probe = `[...document.querySelectorAll('nav li')].filter(li => getComputedStyle(li).listStyleType !== 'none' && /^\\s*\\d/.test(li.querySelector('a')?.textContent ?? '')).map(li => li.querySelector('a').textContent)`;
    for (const f of files) expect(await browser.evaluate(f, probe), name(f)).toEqual([]);
  });

  it('no date breaks across lines at 320 px (ÅÅÅÅ-MM-DD stays on one line)', async () => {
    // Every date's text node: its range has one line box (one client rect) when it does not break.
    const probe = `(() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        for (const m of n.data.matchAll(/\\d{4}[-\\u2011]\\d{2}[-\\u2011]\\d{2}/g)) {
          const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
      return out;
    })()`;
    for (const f of files) expect(await browser.evaluate(f, probe, { width: 320, height: 640 }), name(f)).toEqual([]);
  });

  it('the cover\'s document box splits no word at 320 px ("Handlingspla|n", "Kommunfullm|äktige")', async () => {
    // Each word of each label and value: its range has one line box when the word is whole.
    const probe = `[...document.querySelectorAll('header.omslag dt, header.omslag dd')].flatMap((el) => {
      const out = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        for (const m of n.data.matchAll(/\\S+/g)) {
          const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
          if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) out.push(m[0]);
        }
      }
      return out;
    })`;
    for (const f of files) expect(await browser.evaluate(f, probe, { width: 320, height: 640 }), name(f)).toEqual([]);
  });
});
