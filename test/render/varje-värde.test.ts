// Every value in a project file reaches at least one document (issue 12). A generated v2 file
// fills every leaf of the schema with a marker (varje-värde.fil.ts); it and each example are
// rendered (render alla, DOCX, PDF and HTML), their text is taken out by independent programs
// (pdftotext, pandoc, the HTML parser parse5) and every value not found is listed, by file and
// schema path. The exceptions, with reasons, are in varje-värde.undantag.ts and nowhere else.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'parse5';
import { stringify } from 'yaml';
import { ROOT, runCli, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { finish, generate, grouped, start, type Marker } from './varje-värde.fil.js';
import { undantagFör } from './varje-värde.undantag.js';
import { readProjectText, parseProjectText } from '../../src/project/load.js';
import { dateInWords } from '../../src/project/dates.js';
import { enhetText } from '../../src/render/values.js';

const has = (cmd: string, flag: string) => spawnSync(cmd, [flag], { encoding: 'utf8' }).status === 0;
const tools = has('pdftotext', '-v') && has('pandoc', '--version');

/** White space of every kind made one space, soft hyphens gone: how the search sees text. */
const norm = (s: string) => s.replace(/\u00ad/g, '').replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();

function htmlText(html: string): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (n.nodeName === '#text') out.push(n.value);
    if (n.nodeName === 'style' || n.nodeName === 'script') return;
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
    out.push(' ');
  };
  walk(parse(html));
  return out.join('');
}

/** The texts of every document rendered from one file, one entry per document and format. */
async function documentTexts(file: string, out: string): Promise<Map<string, string>> {
  const r = await runCliAsync(['render', 'alla', file, '--format', 'docx,pdf,html', '--ut', out], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
  expect(r.code, r.stderr).toBe(0);
  const texts = new Map<string, string>();
  for (const f of readdirSync(out).sort()) {
    const p = join(out, f);
    if (f.endsWith('.pdf')) texts.set(f, norm(await runTool('pdftotext', ['-enc', 'UTF-8', p, '-'])));
    else if (f.endsWith('.docx')) texts.set(f, norm(await runTool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', p])));
    else if (f.endsWith('.html')) texts.set(f, norm(htmlText(readFileSync(p, 'utf8'))));
  }
  return texts;
}

/** A form stands in a text on its own (a marker MK0001 not as the start of MK00012, a number not inside a longer one). */
function stands(text: string, form: string): number[] {
  const at: number[] = [];
  const f = norm(form);
  if (!f) return at;
  for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
    const before = text[i - 1] ?? ' ', after = text[i + f.length] ?? ' ';
    if (/\d/.test(f[0]!) && /[\d,]/.test(before)) continue;
    if (/\d/.test(f.at(-1)!) && /\d/.test(after)) continue;
    at.push(i);
  }
  return at;
}

// How far (in characters of text) a common word may stand from its item's text: a group's
// facts table stands above its members and its texts.
const NEAR = 1000;
function found(m: Marker, texts: Map<string, string>): boolean {
  for (const t of texts.values()) {
    if (m.near !== undefined) {
      // A common word counts beside a marker of its own item.
      const low = t.toLowerCase();
      const words = m.forms.map((x) => x.toLowerCase());
      for (const n of m.near) for (const i of stands(t, n)) {
        const win = low.slice(Math.max(0, i - NEAR), i + NEAR);
        if (words.some((w) => win.includes(w))) return true;
      }
    } else if (m.forms.some((f) => stands(t, f).length)) return true;
  }
  return false;
}

/** What is missing, one line per leaf: "schema path: value (file path)". */
function missing(markers: Marker[], texts: Map<string, string>): string[] {
  return markers.filter((m) => !undantagFör(m.pattern, m.kind) && (m.forms.length === 0 || !found(m, texts)))
    .map((m) => `${m.pattern}: ${m.kind === 'text' || m.kind === 'tal' || m.kind === 'datum' ? m.forms[0] ?? String(m.value) : `${String(m.value)} nära ${m.near?.[0] ?? '–'}`} (${m.path})`);
}

/** FSSTOD_VARJE_VARDE_UT=<mapp> keeps each file's list there (for the list of what the templates lack). */
function keep(name: string, list: string[]): void {
  const dir = process.env.FSSTOD_VARJE_VARDE_UT;
  if (dir) writeFileSync(join(dir, `${name}.txt`), list.join('\n') + '\n');
}

const generated = generate(ROOT);
const kindOf = new Map(generated.markers.map((m) => [m.pattern, m]));

/** The markers of a real file: its values, searched for as the documents print them. */
function markersOf(data: unknown): Marker[] {
  const out: Marker[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i]));
    if (v && typeof v === 'object') return Object.entries(v).forEach(([k, x]) => walk(x, [...path, k]));
    const pattern = path.map((s, i) => (typeof s === 'number' ? '[]' : i ? `.${s}` : s)).join('');
    const pathText = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
    // The kind the schema gives this place (the generated file has every place); where a place
    // takes a number or "ej angivet" (tal), the value decides.
    const given = kindOf.get(pattern)?.kind;
    const kind: Marker['kind'] = given === 'ord' || given === 'id' || given === 'ref' || given === 'datum' ? given
      : typeof v === 'number' ? 'tal' : given === 'tal' || given === 'const' ? 'const' : 'text';
    const key = String([...path].reverse().find((s) => typeof s === 'string'));
    let forms: string[];
    if (kind === 'tal' && typeof v === 'number') forms = [String(v).replace('.', ','), grouped(v), String(v)];
    else if (kind === 'datum') forms = [String(v), dateInWords(v)];
    else if (kind === 'ord' || kind === 'const') forms = v === true ? ['ja', key.replace(/_/g, ' ')] : v === false ? ['nej'] : [String(v)];
    // A text is looked for as a reader sees it: list marks gone, white space one space; a long one by its start.
    else forms = [start(String(v).replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ''), 60)];
    // A unit is printed as Swedish reads it (issue 13): "procent av svarande" as "% av svarande".
    if (key === 'enhet' && typeof v === 'string' && enhetText(v)) forms.push(enhetText(v));
    out.push({ path: pathText, pattern, kind, forms, value: v });
  };
  walk(data, []);
  finish(out);
  return out;
}

describe.skipIf(!tools)('every value reaches a document (pdftotext, pandoc and parse5 read them)', () => {
  const dir = tempDir('fsstod-varje-varde-');
  const genFile = join(dir, 'alla-värden.yaml');

  beforeAll(() => {
    writeFileSync(genFile, `# Genererad av test/render/varje-värde.fil.ts: varje löv i schemat med en markör.\n${stringify(generated.data, { lineWidth: 0 })}`);
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('the generated file fills every anyOf branch and validates', () => {
    const unused = [...generated.branches].filter(([, b]) => b.used.size < b.of).map(([k, b]) => `${k}: ${b.used.size} av ${b.of}`);
    expect(unused).toEqual([]);
    const r = runCli(['validate', genFile]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('every value of the generated file stands in a document', async () => {
    const texts = await documentTexts(genFile, join(dir, 'ut-genererad'));
    const list = missing(generated.markers, texts);
    keep('genererad', list);
    // Personal names are left out on purpose, so they must not be found either.
    const printed = generated.markers.filter((m) => undantagFör(m.pattern, m.kind)?.aldrig && found(m, texts)).map((m) => `${m.pattern}: ${m.forms[0]}`);
    expect(printed, 'personnamn som står i ett dokument').toEqual([]);
    expect(list, `${list.length} värden i den genererade filen står inte i något dokument`).toEqual([]);
  }, 600_000);

  // Every example with a project file (examples/profil is a kommun's design, not a project).
  for (const ex of readdirSync(join(ROOT, 'examples')).sort().filter((e) => existsSync(join(ROOT, 'examples', e, 'projekt.yaml')))) {
    it(`every value of examples/${ex} stands in a document`, async () => {
      const file = join(ROOT, 'examples', ex, 'projekt.yaml');
      const data = parseProjectText(readProjectText(file)).data;
      const texts = await documentTexts(file, join(dir, `ut-${ex}`));
      const list = missing(markersOf(data), texts);
      keep(ex, list);
      expect(list, `${list.length} värden i examples/${ex} står inte i något dokument`).toEqual([]);
    }, 600_000);
  }
});
