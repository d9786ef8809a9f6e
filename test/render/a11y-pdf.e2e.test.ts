// Accessibility of every PDF of every example (issue 13, defect 10), read by poppler and qpdf:
// PDF/UA identification and what it asks, one heading hierarchy under the title, the contents as
// links with title and page number apart, header cells that do not point at themselves, captions
// inside their figures, label/value tables with row headers (defect 7).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliAsync, runTool, tempDir } from '../helpers/cli.js';

const EXAMPLES = ['lindesberg', 'hjo-tidaholm', 'boras'];
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const files: string[] = [];

beforeAll(async () => {
  for (const ex of EXAMPLES) {
    const out = tempDir(`fsstod-a11y-pdf-${ex}-`);
    const r = await runCliAsync(['render', 'alla', join(ROOT, 'examples', ex, 'projekt.yaml'), '--format', 'pdf', '--ut', out], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
    if (r.code !== 0) throw new Error(r.stderr + r.stdout);
    files.push(...readdirSync(out).filter((f) => f.endsWith('.pdf')).map((f) => join(out, f)));
  }
}, 300_000);

const name = (f: string) => f.split('/').pop()!;

/** pdfinfo -struct-text as a tree: each element with its depth, tag and the text lines under it. */
function structLines(text: string): { depth: number; tag: string; line: string }[] {
  return text.split('\n').filter((l) => l.trim() && !/^\s*"/.test(l) && !/^\s*Object \d+/.test(l)).map((l) => {
    const depth = l.length - l.trimStart().length;
    return { depth, tag: l.trim().split(/[\s:<]/)[0]!, line: l };
  });
}

describe.skipIf(!have('pdfinfo') || !have('qpdf'))('PDF documents: PDF/UA and tags', () => {
  it('renders every document of every example (four per example)', () => {
    expect(files.length).toBe(EXAMPLES.length * 4);
  });

  it('PDF/UA-1 identification in the XMP metadata, with the title; Lang, MarkInfo, title shown; fonts embedded; qpdf --check passes', async () => {
    for (const f of files) {
      const meta = await runTool('pdfinfo', ['-meta', f]);
      expect(meta, name(f)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      expect(meta, name(f)).toMatch(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">[^<]+<\/rdf:li>/);
      const info = await runTool('pdfinfo', [f]);
      expect(info, name(f)).toMatch(/Tagged:\s+yes/);
      const raw = await runTool('qpdf', ['--qdf', '--object-streams=disable', f, '-']);
      expect(raw, name(f)).toMatch(/\/Lang \(sv-SE\)/);
      expect(raw, name(f)).toMatch(/\/MarkInfo /);
      expect(raw, name(f)).toMatch(/\/Marked true/);
      expect(raw, name(f)).toMatch(/\/DisplayDocTitle true/);
      const fonts = (await runTool('pdffonts', [f])).trim().split('\n').slice(2);
      for (const line of fonts) expect(line, `${name(f)}: ${line}`).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
      expect(await runTool('qpdf', ['--check', f]), name(f)).toMatch(/No syntax or stream encoding errors/);
    }
  });

  it('one heading hierarchy: the title is the only H1, no level skipped, "Innehåll" is not a heading', async () => {
    for (const f of files) {
      const text = await runTool('pdfinfo', ['-struct-text', f]);
      const heads = [...text.matchAll(/^\s*H([1-6]) \(block\)\n\s*"([^"]*)"/gm)].map((m) => ({ l: Number(m[1]), t: m[2]! }));
      expect(heads.filter((h) => h.l === 1).length, name(f)).toBe(1);
      expect(heads[0]!.l, name(f)).toBe(1);
      for (let i = 1; i < heads.length; i++) expect(heads[i]!.l, `${name(f)}: ${heads[i]!.t}`).toBeLessThanOrEqual(heads[i - 1]!.l + 1);
      expect(heads.map((h) => h.t), name(f)).not.toContain('Innehåll');
    }
  });

  it('the contents: TOC of TOCI, each a Link (with its annotation) and a Reference (the page number)', async () => {
    for (const f of files) {
      const text = await runTool('pdfinfo', ['-struct-text', f]);
      const toci = [...text.matchAll(/^(\s*)TOCI\n\1  Link \(inline\)\n\1    "([^"]+)"\n\1    Object \d+ 0\n\1  Reference \(inline\)\n\1    "(\d+)"/gm)];
      const all = (text.match(/^\s*TOCI$/gm) ?? []).length;
      expect(all, name(f)).toBeGreaterThan(0);
      expect(toci.length, name(f)).toBe(all);
      // Each link goes to a named destination at its heading, on the page the entry gives.
      const dests = (await runTool('pdfinfo', ['-dests', f])).split('\n').slice(1).map((l) => /^\s*(\d+)\s.*"([^"]+)"$/.exec(l)).filter(Boolean).map((m) => Number(m![1]));
      expect(dests.length, name(f)).toBeGreaterThanOrEqual(all);
      for (const m of toci) expect(dests, `${name(f)}: ${m[2]} s. ${m[3]}`).toContain(Number(m[3]));
    }
  });

  it('header cells do not point at themselves; label/value tables have row headers (TH /Scope /Row), no empty TH', async () => {
    let rowHeads = 0;
    for (const f of files) {
      const struct = await runTool('pdfinfo', ['-struct', f]);
      for (const m of struct.matchAll(/^\s*TH <([^>]+)>:\n((?:\s+\/.*\n)*)/gm)) {
        const [, id, attrs] = m;
        expect(attrs, `${name(f)}: ${id}`).toMatch(/\/Scope \/(Row|Column)/);
        expect(attrs, `${name(f)}: ${id}`).not.toContain(`(${id})`);
        if (/\/Scope \/Row/.test(attrs!)) rowHeads++;
      }
      const text = await runTool('pdfinfo', ['-struct-text', f]);
      expect(text, name(f)).not.toMatch(/^\s*TH <[^>]+>:?\n\s*""/m);
    }
    expect(rowHeads).toBeGreaterThan(0);
  });

  it('every Caption stands inside a Figure (or Table)', async () => {
    let captions = 0;
    for (const f of files) {
      const lines = structLines(await runTool('pdfinfo', ['-struct-text', f]));
      lines.forEach((l, i) => {
        if (l.tag !== 'Caption') return;
        captions++;
        const parent = lines.slice(0, i).reverse().find((p) => p.depth < l.depth);
        expect(['Figure', 'Table'], `${name(f)}: ${l.line}`).toContain(parent?.tag);
      });
    }
    expect(captions).toBeGreaterThan(0);
  });
});
