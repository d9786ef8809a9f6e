// The DOCX of every example read by pandoc (issue 13, defects 7 and 10): label/value tables
// (Beslut, Rapportens status) have no empty header row, their labels are set as header cells; one
// heading hierarchy (the title as Title, chapters Heading 1, "Innehåll" no heading).
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
    const out = tempDir(`fsstod-a11y-docx-${ex}-`);
    const r = await runCliAsync(['render', 'alla', join(ROOT, 'examples', ex, 'projekt.yaml'), '--format', 'docx', '--ut', out], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
    if (r.code !== 0) throw new Error(r.stderr + r.stdout);
    files.push(...readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => join(out, f)));
  }
}, 300_000);

type Node = { t: string; c?: any };
const text = (x: any): string => (Array.isArray(x) ? x.map(text).join('') : x && typeof x === 'object' ? (x.t === 'Str' ? x.c : x.t === 'Space' ? ' ' : text(x.c)) : '');

describe.skipIf(!have('pandoc') || !have('unzip'))('DOCX documents read by pandoc', () => {
  it('label/value tables: no header row, each label a bold first cell; every table with a header row names its columns', async () => {
    let labelTables = 0;
    for (const f of files) {
      const doc = JSON.parse(await runTool('pandoc', ['-f', 'docx', '-t', 'json', f]));
      for (const b of doc.blocks as Node[]) {
        if (b.t !== 'Table') continue;
        const [, , , head, bodies] = b.c;
        const headRows = head[1] as any[];
        const rows = bodies.flatMap((tb: any) => tb[3]);
        if (!headRows.length) {
          labelTables++;
          for (const r of rows) expect(JSON.stringify(r[1][0][4]), f).toMatch(/"t":"Strong"/);
        } else {
          for (const c of headRows[0][1]) expect(text(c[4]).trim(), `${f}: tom kolumnrubrik`).not.toBe('');
        }
      }
    }
    expect(labelTables).toBeGreaterThan(0);
  });

  it('the title is set as Title; chapters are level 1; "Innehåll" is not a heading', async () => {
    for (const f of files) {
      const doc = JSON.parse(await runTool('pandoc', ['-f', 'docx', '-t', 'json', f]));
      // The title is Word's Title style, once, before the first chapter (Heading 1).
      const xml = await runTool('unzip', ['-p', f, 'word/document.xml']);
      expect(xml.match(/<w:pStyle w:val="Title"\/>/g)?.length, f).toBe(1);
      expect(xml.indexOf('<w:pStyle w:val="Title"/>'), f).toBeLessThan(xml.indexOf('<w:pStyle w:val="Heading1"/>'));
      const heads = (doc.blocks as Node[]).filter((b) => b.t === 'Header').map((b) => ({ l: b.c[0] as number, t: text(b.c[2]) }));
      expect(heads[0]?.l, f).toBe(1);
      expect(heads.map((h) => h.t), f).not.toContain('Innehåll');
    }
  });
});
