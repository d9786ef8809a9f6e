// The kommun's own design: a profile folder with profil.yaml, a logo, fonts and a Word template
// (reference DOCX), given by `render --profil DIR` or named in the project file (dokument.profil).
// Read and checked once here; the writers only take the result. Without a profile every writer
// keeps its neutral look.
//
//   namn: Exempelkommunen
//   färger: { primär: "#0b6e4f", mörk: "#084c37", ljus: "#e3f1ec" }
//   logotyp: { fil: logotyp.svg, text: Exempelkommunens logotyp }
//   typsnitt: { normal: Serif-Regular.ttf, fet: Serif-Bold.ttf, kursiv: …, fetkursiv: … }
//   sidhuvud: "{titel} – {kommun}"
//   sidfot: "{kommun} · Socialförvaltningen"
//   wordmall: mall.docx
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import zlib from 'node:zlib';
import { InputError, UsageError } from '../errors.js';
import { decodeUserText, displayPath, parseUserYaml, positionOf, type YamlPath } from '../project/load.js';

import { PROFILE_FILE, PROFILE_KEYS as KEYS } from './profil-file.js';

export { PROFILE_FILE };

/** A font cut: R regular, B bold, I italic, BI bold italic (the PDF writer's names). */
export type Cut = 'R' | 'B' | 'I' | 'BI';

export interface ProfilFont {
  /** The family name from the font file's name table (what DOCX and HTML name). */
  familj: string;
  /** Absolute file per cut; a cut the profile leaves out uses the nearest one it gives. */
  filer: Record<Cut, string>;
}

export interface ProfilLogo {
  typ: 'svg' | 'png';
  data: Buffer;
  /** Natural size in CSS px (SVG: its width/height or viewBox; PNG: its pixels). */
  bredd: number;
  höjd: number;
  /** The logo's alt text (the kommun's name unless the profile says otherwise). */
  text: string;
}

export interface Profil {
  /** The folder as shown to the user. */
  mapp: string;
  namn?: string;
  /** Colours as #rrggbb: headings and rules, second-level headings, table header fill. */
  färger: { primär?: string; mörk?: string; ljus?: string };
  logotyp?: ProfilLogo;
  typsnitt?: ProfilFont;
  /** Running header text and the footer line beside the page number, both with {titel} and {kommun}. */
  sidhuvud?: string;
  sidfot?: string;
  /** The Word template's parts that the DOCX takes (styles and theme), as XML text. */
  wordmall?: WordMall;
}

export interface WordMall { fil: string; styles: string; theme?: string }

const COLOURS = ['primär', 'mörk', 'ljus'];
const CUTS: [string, Cut][] = [['normal', 'R'], ['fet', 'B'], ['kursiv', 'I'], ['fetkursiv', 'BI']];
const HINT = 'Se examples/profil/profil.yaml och README (Kommunens egen profil).';

/** A header or footer text with {titel} and {kommun} filled in for the document. */
const fill = (s: string, titel: string, kommun: string) => s.replace(/\{titel\}/g, titel).replace(/\{kommun\}/g, kommun);

/** The header text for a document: the profile's with {titel} and {kommun} filled in, else "titel – kommun". */
export function headerText(p: Profil | undefined, titel: string, kommun: string): string {
  if (p?.sidhuvud === undefined) return `${titel} – ${kommun}`;
  return fill(p.sidhuvud, titel, kommun);
}

/** The footer line beside the page number: the profile's with {titel} and {kommun} filled in, else none. */
export function footerText(p: Profil | undefined, titel: string, kommun: string): string | undefined {
  return p?.sidfot === undefined ? undefined : fill(p.sidfot, titel, kommun);
}

/**
 * The profile folder for a render: --profil (relative to the working directory) wins over the
 * project file's dokument.profil (relative to the project file). `at` places an error at the
 * project file's line.
 */
export function profileDir(flag: string | undefined, named: string | undefined, projectFile: string, at: () => { file: string; line: number; col: number }): { dir: string; shown: string; from: 'flagga' | 'projektfil' } | undefined {
  if (flag !== undefined) {
    const dir = resolve(flag);
    if (!isDir(dir)) throw new UsageError(`profilmappen ${flag} finns inte eller är ingen mapp`, { file: flag }, `Ange en mapp med ${PROFILE_FILE}, t.ex. --profil examples/profil.`);
    return { dir, shown: flag, from: 'flagga' };
  }
  if (named === undefined) return undefined;
  const dir = resolve(projectFile, '..', named);
  if (!isDir(dir)) throw new InputError(`dokument.profil: mappen ${named} finns inte (sökt i ${displayPath(dir)}, räknat från projektfilens mapp)`, at(), `Ange mappen relativt projektfilen, t.ex. profil: ../profil, eller ta bort raden.`);
  return { dir, shown: displayPath(dir), from: 'projektfil' };
}

function isDir(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

/** Reads and checks a profile folder; every problem is a Swedish InputError at profil.yaml's line. */
export function loadProfil(dir: string, shown = displayPath(dir)): Profil {
  const file = join(dir, PROFILE_FILE);
  const display = displayPath(file);
  if (!existsSync(file)) throw new InputError(`profilmappen ${shown} saknar ${PROFILE_FILE}`, { file: display }, HINT);
  const { text } = decodeUserText(readFileSync(file), display);
  const parsed = parseUserYaml(text, display, 'profilen är inte giltig YAML');
  const data = parsed.data ?? {};
  const fail = (path: YamlPath, message: string, hint = HINT): never => {
    throw new InputError(message, { file: display, ...positionOf(parsed, path) }, hint);
  };
  if (typeof data !== 'object' || Array.isArray(data)) fail([], 'profilen ska vara en mappning (nyckel: värde)');
  const d = data as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!KEYS.includes(k)) fail([k], `okänt fält "${k}" i profilen`, `Tillåtna fält: ${KEYS.join(', ')}.`);
  const str = (path: YamlPath, v: unknown): string => {
    if (typeof v !== 'string' || !v.trim()) fail(path, `${path.join('.')} ska vara en text`);
    return (v as string).trim();
  };
  const fileIn = (path: YamlPath, v: unknown, exts: string[]): string => {
    const name = str(path, v);
    const abs = resolve(dir, name);
    if (!exts.includes(extname(abs).toLowerCase())) fail(path, `${path.join('.')}: ${name} ska vara en ${exts.map((e) => e.slice(1).toUpperCase()).join('- eller ')}-fil`);
    let ok = false;
    try { ok = statSync(abs).isFile(); } catch { /* missing */ }
    if (!ok) fail(path, `${path.join('.')}: filen ${name} finns inte i profilmappen ${shown}`);
    return abs;
  };
  const p: Profil = { mapp: shown, färger: {} };
  if (d.namn !== undefined) p.namn = str(['namn'], d.namn);
  if (d.färger !== undefined) {
    if (typeof d.färger !== 'object' || d.färger === null || Array.isArray(d.färger)) fail(['färger'], 'färger ska vara en mappning, t.ex. primär: "#0b6e4f"');
    for (const [k, v] of Object.entries(d.färger as Record<string, unknown>)) {
      if (!COLOURS.includes(k)) fail(['färger', k], `okänd färg "${k}" i profilen`, `Färgerna är: ${COLOURS.join(', ')}.`);
      if (typeof v !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(v.trim())) fail(['färger', k], `färger.${k}: ${JSON.stringify(v)} är ingen färg som #rrggbb`, 'Skriv färgen som sex hexadecimala siffror inom citattecken, t.ex. "#0b6e4f".');
      p.färger[k as keyof Profil['färger']] = (v as string).trim().toLowerCase();
    }
  }
  if (d.sidhuvud !== undefined) p.sidhuvud = str(['sidhuvud'], d.sidhuvud);
  if (d.sidfot !== undefined) p.sidfot = str(['sidfot'], d.sidfot);
  if (d.logotyp !== undefined) {
    const l = typeof d.logotyp === 'string' ? { fil: d.logotyp } : d.logotyp as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || Array.isArray(l)) fail(['logotyp'], 'logotyp ska vara ett filnamn eller { fil, text }');
    const base: YamlPath = typeof d.logotyp === 'string' ? ['logotyp'] : ['logotyp', 'fil'];
    for (const k of Object.keys(l)) if (k !== 'fil' && k !== 'text') fail(['logotyp', k], `okänt fält "${k}" under logotyp`, 'logotyp har fil och text.');
    const abs = fileIn(base, l.fil, ['.svg', '.png']);
    const data = readFileSync(abs);
    const typ = extname(abs).toLowerCase() === '.svg' ? 'svg' : 'png';
    const size = typ === 'png' ? pngSize(data) : svgSize(data.toString('utf8'));
    if (!size) fail(base, typ === 'png' ? `logotyp: ${String(l.fil)} är ingen giltig PNG-bild` : `logotyp: ${String(l.fil)} är ingen SVG-bild med storlek (width och height eller viewBox)`);
    p.logotyp = { typ, data, bredd: size!.w, höjd: size!.h, text: l.text === undefined ? `${p.namn ?? 'Kommunens'} logotyp` : str(['logotyp', 'text'], l.text) };
  }
  if (d.typsnitt !== undefined) {
    const t = d.typsnitt as Record<string, unknown>;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) fail(['typsnitt'], 'typsnitt ska vara en mappning med normal, fet, kursiv och fetkursiv');
    for (const k of Object.keys(t)) if (!CUTS.some(([n]) => n === k)) fail(['typsnitt', k], `okänt fält "${k}" under typsnitt`, 'typsnitt har normal, fet, kursiv och fetkursiv (TTF- eller OTF-filer).');
    if (t.normal === undefined) fail(['typsnitt'], 'typsnitt.normal saknas (den vanliga stilen behövs alltid)');
    const given = new Map<Cut, string>();
    let familj = '';
    for (const [k, cut] of CUTS) {
      if (t[k] === undefined) continue;
      const abs = fileIn(['typsnitt', k], t[k], ['.ttf', '.otf']);
      const name = fontFamily(readFileSync(abs));
      if (!name) fail(['typsnitt', k], `typsnitt.${k}: ${String(t[k])} är ingen TrueType- eller OpenType-fil som går att läsa`);
      if (cut === 'R') familj = name!;
      given.set(cut, abs);
    }
    const pick = (...cuts: Cut[]) => cuts.map((c) => given.get(c)).find(Boolean)!;
    p.typsnitt = { familj, filer: { R: pick('R'), B: pick('B', 'R'), I: pick('I', 'R'), BI: pick('BI', 'B', 'I', 'R') } };
  }
  if (d.wordmall !== undefined) {
    const abs = fileIn(['wordmall'], d.wordmall, ['.docx', '.dotx']);
    const parts = unzipParts(readFileSync(abs), ['word/styles.xml', 'word/theme/theme1.xml']);
    const styles = parts?.get('word/styles.xml');
    if (!styles || !/<w:styles[\s>]/.test(styles)) fail(['wordmall'], `wordmall: ${String(d.wordmall)} är ingen Word-fil med formatmallar (word/styles.xml saknas)`, 'Spara mallen i Word eller LibreOffice som .docx (Office Open XML).');
    p.wordmall = { fil: abs, styles: styles!, theme: parts!.get('word/theme/theme1.xml') };
  }
  return p;
}

function pngSize(b: Buffer): { w: number; h: number } | undefined {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const w = b.readUInt32BE(16), h = b.readUInt32BE(20);
  return w && h ? { w, h } : undefined;
}

/** An SVG's size from width/height (px or unitless) or else its viewBox. */
function svgSize(s: string): { w: number; h: number } | undefined {
  const tag = /<svg\b[^>]*>/.exec(s)?.[0];
  if (!tag) return undefined;
  const attr = (n: string) => new RegExp(`\\s${n}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
  const num = (v?: string) => (v && /^\s*[\d.]+(px)?\s*$/.test(v) ? parseFloat(v) : undefined);
  const vb = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const w = num(attr('width')) ?? vb?.[2], h = num(attr('height')) ?? vb?.[3];
  return w && h && w > 0 && h > 0 ? { w, h } : undefined;
}

/** The family name (name id 1, Windows or Mac platform) of a TrueType/OpenType file, or undefined. */
export function fontFamily(b: Buffer): string | undefined {
  try {
    const tag = b.toString('latin1', 0, 4);
    if (tag !== '\x00\x01\x00\x00' && tag !== 'OTTO' && tag !== 'true') return undefined;
    const n = b.readUInt16BE(4);
    for (let i = 0; i < n; i++) {
      const rec = 12 + i * 16;
      if (b.toString('latin1', rec, rec + 4) !== 'name') continue;
      const off = b.readUInt32BE(rec + 8);
      const count = b.readUInt16BE(off + 2), strings = off + b.readUInt16BE(off + 4);
      let mac: string | undefined;
      for (let k = 0; k < count; k++) {
        const r = off + 6 + k * 12;
        const platform = b.readUInt16BE(r), nameId = b.readUInt16BE(r + 6), len = b.readUInt16BE(r + 8), at = strings + b.readUInt16BE(r + 10);
        if (nameId !== 1) continue;
        if (platform === 3) return b.subarray(at, at + len).swap16().toString('utf16le').trim() || undefined;
        if (platform === 1) mac = b.toString('latin1', at, at + len).trim();
      }
      return mac || undefined;
    }
  } catch { /* a truncated file */ }
  return undefined;
}

/**
 * The named entries of a zip file as text (stored or deflated), or undefined when it is no zip.
 * A few parts of a Word file are all we need, so a small reader of the central directory does.
 */
export function unzipParts(b: Buffer, names: string[]): Map<string, string> | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return undefined;
  const out = new Map<string, string>();
  try {
    let at = b.readUInt32LE(eocd + 16);
    const entries = b.readUInt16LE(eocd + 10);
    for (let k = 0; k < entries; k++) {
      if (b.readUInt32LE(at) !== 0x02014b50) return undefined;
      const method = b.readUInt16LE(at + 10), size = b.readUInt32LE(at + 20);
      const nameLen = b.readUInt16LE(at + 28), extra = b.readUInt16LE(at + 30), comment = b.readUInt16LE(at + 32);
      const local = b.readUInt32LE(at + 42);
      const name = b.toString('utf8', at + 46, at + 46 + nameLen);
      at += 46 + nameLen + extra + comment;
      if (!names.includes(name)) continue;
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const raw = b.subarray(start, start + size);
      out.set(name, (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8'));
    }
  } catch { return undefined; }
  return out;
}
