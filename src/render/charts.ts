// Charts as data, drawn once as SVG: inline in HTML, and rasterised (resvg, with the bundled
// font) for DOCX and PDF. Every chart carries alt text in the document model.
import zlib from 'node:zlib';
import { xmlChars, xmlEscape } from './xml.js';
export type Chart =
  | { typ: 'faktorer'; rader: { etikett: string; värde: number | null }[]; skala: string[] }
  // ejAngivet: some support for the row's ages has a level the source does not state, so an empty cell there is not known to be a gap.
  | { typ: 'täckning'; rader: string[]; kolumner: string[]; celler: { befintligt: string[]; planerat: string[]; ejAngivet?: boolean; utanför?: boolean }[][]; visaPlanerat: boolean; kartlagt?: boolean }
  | { typ: 'tidslinje'; från: string; till: string; rader: { etikett: string; start?: string; slut?: string; åtgärd?: string }[] }
  | { typ: 'indikatorer'; rader: { etikett: string; utgångsvärde?: number; målvärde?: number; utfall?: number; tidigare?: number[]; riktning: 'öka' | 'minska'; uppnått: boolean | null; enhet?: string }[] }
  | OversiktChart;

/** The översikt's charts (many kommuner at once). andelar: per step in per cent, null = no project file. */
export type OversiktChart =
  // utanTal: the cells without their per cent (a compact översikt has them in the table below; resvg lays out each text, ~1 ms apiece).
  | { typ: 'stegPerKommun'; kolumner: string[]; rader: { etikett: string; andelar: (number | null)[] }[]; utanTal?: boolean }
  // Per age band and level: how many kommuner have support, a gap, or cannot tell (not mapped, level not stated, outside the plan).
  | { typ: 'täckningLän'; rader: string[]; kolumner: string[]; celler: { stöd: number; luckor: number; okänt: number }[][]; kommuner: number }
  | { typ: 'planstatus'; staplar: { etikett: string; antal: number }[]; kommuner: number };

const FONT = "font-family=\"Liberation Sans, Arial, sans-serif\"";
const BLUE = '#1f5fa8';
const LIGHT = '#dbe7f5';
const GREEN = '#2e7d32';
const RED = '#b3261e';
const GREY = '#6b6b6b';

const esc = xmlEscape;

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s;
}

function svgDoc(w: number, h: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><rect width="${w}" height="${h}" fill="#ffffff"/>${body}</svg>`;
}

function faktorer(c: Extract<Chart, { typ: 'faktorer' }>, title: string): string {
  const W = 680, left = 330, bar = 300, rowH = 26, top = 30;
  const H = top + c.rader.length * rowH + 40;
  const max = c.skala.length;
  let b = '';
  for (let k = 1; k <= max; k++) {
    const x = left + (bar * k) / max;
    b += `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${top + c.rader.length * rowH}" stroke="#d0d0d0" stroke-width="1"/>`;
    b += `<text x="${x}" y="${top - 10}" ${FONT} font-size="10" fill="${GREY}" text-anchor="middle">${k}</text>`;
  }
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 8}" y="${y + 17}" ${FONT} font-size="11.5" fill="#1a1a1a" text-anchor="end">${esc(clip(r.etikett, 52))}</text>`;
    if (r.värde == null) {
      b += `<text x="${left + 6}" y="${y + 17}" ${FONT} font-size="11" font-style="italic" fill="${GREY}">Ej bedömd</text>`;
    } else {
      const w = (bar * r.värde) / max;
      const fill = r.värde <= 2 ? RED : r.värde === 3 ? '#c77c02' : BLUE;
      b += `<rect x="${left}" y="${y + 5}" width="${w}" height="16" fill="${fill}"/>`;
      b += `<text x="${left + w + 6}" y="${y + 17}" ${FONT} font-size="11" fill="#1a1a1a">${r.värde} ${esc(c.skala[r.värde - 1] ?? '')}</text>`;
    }
  });
  b += `<text x="${left}" y="${H - 12}" ${FONT} font-size="10" fill="${GREY}">Skala: ${esc(c.skala.map((s, i) => `${i + 1} ${s}`).join(', '))}</text>`;
  return svgDoc(W, H, title, b);
}

function täckning(c: Extract<Chart, { typ: 'täckning' }>, title: string): string {
  const W = 680, left = 120, colW = (W - left - 20) / c.kolumner.length, rowH = 54, top = 34;
  const H = top + c.rader.length * rowH + 40;
  let b = '';
  c.kolumner.forEach((k, j) => {
    b += `<text x="${left + j * colW + colW / 2}" y="${top - 12}" ${FONT} font-size="12" font-weight="bold" fill="#1a1a1a" text-anchor="middle">${esc(k)}</text>`;
  });
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 10}" y="${y + rowH / 2 + 4}" ${FONT} font-size="12" font-weight="bold" fill="#1a1a1a" text-anchor="end">${esc(r)}</text>`;
    c.kolumner.forEach((_, j) => {
      const cell = c.celler[i]![j]!;
      const x = left + j * colW;
      const n = cell.befintligt.length, p = cell.planerat.length;
      const empty = n === 0 && (!c.visaPlanerat || p === 0);
      // Not mapped at all, a level not stated, or ages outside the plan's scope: not a gap.
      const unknown = empty && (c.kartlagt === false || cell.ejAngivet === true || cell.utanför === true);
      const gap = empty && !unknown;
      if (unknown) {
        b += `<rect x="${x + 2}" y="${y + 2}" width="${colW - 4}" height="${rowH - 4}" fill="#f0f0f0" stroke="${GREY}" stroke-width="1" stroke-dasharray="4 3"/>`;
        b += `<text x="${x + colW / 2}" y="${y + rowH / 2 + 5}" ${FONT} font-size="12" font-style="italic" fill="${GREY}" text-anchor="middle">${c.kartlagt === false ? 'Ej kartlagt' : cell.utanför ? 'Utanför planen' : 'Nivå ej angiven'}</text>`;
        return;
      }
      const fill = gap ? '#fbe4e2' : n > 0 ? LIGHT : '#e6f2e6';
      const stroke = gap ? RED : '#9fb6d3';
      b += `<rect x="${x + 2}" y="${y + 2}" width="${colW - 4}" height="${rowH - 4}" fill="${fill}" stroke="${stroke}" stroke-width="${gap ? 2 : 1}"/>`;
      if (gap) {
        b += `<text x="${x + colW / 2}" y="${y + rowH / 2 + 5}" ${FONT} font-size="13" font-weight="bold" fill="${RED}" text-anchor="middle">Saknas</text>`;
      } else {
        b += `<text x="${x + colW / 2}" y="${y + 22}" ${FONT} font-size="12" fill="#1a1a1a" text-anchor="middle">${n} befintlig${n === 1 ? 't' : 'a'}</text>`;
        if (c.visaPlanerat) b += `<text x="${x + colW / 2}" y="${y + 40}" ${FONT} font-size="12" fill="${GREEN}" text-anchor="middle">${p ? `+ ${p} planerad${p === 1 ? '' : 'e'}` : 'inga planerade'}</text>`;
      }
    });
  });
  b += `<text x="${left}" y="${H - 12}" ${FONT} font-size="10" fill="${GREY}">Röd ruta = inget kartlagt stöd${c.visaPlanerat ? ', varken befintligt eller planerat' : ''} för åldern på den nivån; grå = ej kartlagt, nivå ej angiven eller utanför planens åldrar.</text>`;
  return svgDoc(W, H, title, b);
}

const toDays = (d: string) => Date.parse(d + 'T00:00:00Z') / 86400000;

function tidslinje(c: Extract<Chart, { typ: 'tidslinje' }>, title: string): string {
  const W = 680, left = 230, span = W - left - 20, rowH = 22, top = 34;
  const H = top + c.rader.length * rowH + 30;
  const a = toDays(c.från), z = toDays(c.till);
  const x = (d: string) => left + (span * (Math.min(Math.max(toDays(d), a), z) - a)) / Math.max(1, z - a);
  let b = '';
  const y0 = Number(c.från.slice(0, 4)), y1 = Number(c.till.slice(0, 4));
  for (let y = y0; y <= y1 + 1; y++) {
    const d = `${y}-01-01`;
    if (toDays(d) < a || toDays(d) > z) continue;
    b += `<line x1="${x(d)}" y1="${top - 8}" x2="${x(d)}" y2="${top + c.rader.length * rowH}" stroke="#d0d0d0"/>`;
    b += `<text x="${x(d) + 3}" y="${top - 12}" ${FONT} font-size="11" fill="${GREY}">${y}</text>`;
  }
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 8}" y="${y + 15}" ${FONT} font-size="11" fill="#1a1a1a" text-anchor="end">${esc(clip(r.etikett, 36))}</text>`;
    if (!r.start) {
      b += `<text x="${left + 4}" y="${y + 15}" ${FONT} font-size="11" font-style="italic" fill="${GREY}">Startdatum ej ifyllt</text>`;
      return;
    }
    const x1 = x(r.start), x2 = r.slut ? x(r.slut) : left + span;
    const fill = r.åtgärd === 'avveckla' ? GREY : r.åtgärd === 'utveckla' ? '#4f8fd6' : r.åtgärd === 'fortsätta' ? GREEN : BLUE;
    b += `<rect x="${x1}" y="${y + 4}" width="${Math.max(3, x2 - x1)}" height="14" rx="2" fill="${fill}"/>`;
  });
  b += `<text x="${left}" y="${H - 8}" ${FONT} font-size="10" fill="${GREY}">Mörkblå = införa, ljusblå = utveckla, grön = fortsätta, grå = avveckla.</text>`;
  return svgDoc(W, H, title, b);
}

function indikatorer(c: Extract<Chart, { typ: 'indikatorer' }>, title: string): string {
  const W = 680, left = 260, span = 300, rowH = 30, top = 20;
  const H = top + c.rader.length * rowH + 30;
  let b = '';
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 8}" y="${y + 17}" ${FONT} font-size="11" fill="#1a1a1a" text-anchor="end">${esc(clip(r.etikett, 42))}</text>`;
    const vals = [r.utgångsvärde, r.målvärde, r.utfall, ...(r.tidigare ?? [])].filter((v): v is number => typeof v === 'number');
    if (r.målvärde === undefined || r.utfall === undefined) {
      b += `<text x="${left + 4}" y="${y + 17}" ${FONT} font-size="11" font-style="italic" fill="${GREY}">${r.målvärde === undefined ? 'Målvärde ej ifyllt' : 'Utfall ej ifyllt'}</text>`;
      return;
    }
    const max = Math.max(...vals, 1) * 1.1;
    const sx = (v: number) => left + (span * Math.max(0, v)) / max;
    b += `<rect x="${left}" y="${y + 6}" width="${sx(r.utfall) - left}" height="14" fill="${r.uppnått ? GREEN : RED}"/>`;
    if (r.utgångsvärde !== undefined) b += `<line x1="${sx(r.utgångsvärde)}" y1="${y + 3}" x2="${sx(r.utgångsvärde)}" y2="${y + 23}" stroke="${GREY}" stroke-width="2" stroke-dasharray="3 2"/>`;
    // Earlier rounds' measurements: small open circles on the bar's line.
    for (const v of r.tidigare ?? []) b += `<circle cx="${sx(v)}" cy="${y + 13}" r="3.5" fill="#ffffff" stroke="#1a1a1a" stroke-width="1.5"/>`;
    b += `<line x1="${sx(r.målvärde)}" y1="${y + 1}" x2="${sx(r.målvärde)}" y2="${y + 25}" stroke="#1a1a1a" stroke-width="2.5"/>`;
    b += `<text x="${left + span + 8}" y="${y + 17}" ${FONT} font-size="11" fill="${r.uppnått ? GREEN : RED}">${r.utfall}${r.enhet ? ' ' + esc(clip(r.enhet, 10)) : ''} (mål ${r.målvärde}) ${r.uppnått ? '✓' : '✗'}</text>`;
  });
  b += `<text x="${left}" y="${H - 8}" ${FONT} font-size="10" fill="${GREY}">Stapel = utfall (grön: målet nått, röd: ej nått), svart streck = målvärde, streckat = utgångsvärde${c.rader.some((r) => r.tidigare?.length) ? ', ring = tidigare' : ''}.</text>`;
  return svgDoc(W, H, title, b);
}

/** Blue of a share 0–100 (light to dark), and the text colour that reads on it. */
function shade(p: number): { fill: string; text: string } {
  const t = Math.max(0, Math.min(100, p)) / 100;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return { fill: `#${hex(mix(0xf2, 0x1f))}${hex(mix(0xf6, 0x5f))}${hex(mix(0xfb, 0xa8))}`, text: t > 0.55 ? '#ffffff' : '#1a1a1a' };
}

function stegPerKommun(c: Extract<Chart, { typ: 'stegPerKommun' }>, title: string): string {
  const W = 680, left = 200, rowH = 20, top = 34, colW = (W - left - 20) / Math.max(1, c.kolumner.length);
  const H = top + c.rader.length * rowH + 34;
  let b = '';
  c.kolumner.forEach((k, j) => {
    b += `<text x="${left + j * colW + colW / 2}" y="${top - 10}" ${FONT} font-size="11" font-weight="bold" fill="#1a1a1a" text-anchor="middle">${esc(k)}</text>`;
  });
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 8}" y="${y + 14}" ${FONT} font-size="11" fill="#1a1a1a" text-anchor="end">${esc(clip(r.etikett, 34))}</text>`;
    r.andelar.forEach((a, j) => {
      const x = left + j * colW;
      if (a === null) {
        b += `<rect x="${x + 1}" y="${y + 1}" width="${colW - 2}" height="${rowH - 2}" fill="#ffffff" stroke="${GREY}" stroke-width="1" stroke-dasharray="3 2"/>`;
        if (j === 0) b += `<text x="${x + 4}" y="${y + 14}" ${FONT} font-size="10" font-style="italic" fill="${GREY}">ingen projektfil</text>`;
        return;
      }
      const s = shade(a);
      b += `<rect x="${x + 1}" y="${y + 1}" width="${colW - 2}" height="${rowH - 2}" fill="${s.fill}" stroke="#9fb6d3" stroke-width="0.5"/>`;
      if (!c.utanTal) b += `<text x="${x + colW / 2}" y="${y + 14}" ${FONT} font-size="10.5" fill="${s.text}" text-anchor="middle">${a} %</text>`;
    });
  });
  b += `<text x="${left}" y="${H - 12}" ${FONT} font-size="10" fill="${GREY}">Andel av stegets moment och checklista som är besvarad; mörkare = mer.${c.utanTal ? ' Talen står i tabellen.' : ''} Streckad = ingen projektfil.</text>`;
  return svgDoc(W, H, title, b);
}

function täckningLän(c: Extract<Chart, { typ: 'täckningLän' }>, title: string): string {
  const W = 680, left = 120, colW = (W - left - 20) / Math.max(1, c.kolumner.length), rowH = 50, top = 34;
  const H = top + c.rader.length * rowH + 40;
  let b = '';
  c.kolumner.forEach((k, j) => {
    b += `<text x="${left + j * colW + colW / 2}" y="${top - 12}" ${FONT} font-size="12" font-weight="bold" fill="#1a1a1a" text-anchor="middle">${esc(k)}</text>`;
  });
  c.rader.forEach((r, i) => {
    const y = top + i * rowH;
    b += `<text x="${left - 10}" y="${y + rowH / 2 + 4}" ${FONT} font-size="12" font-weight="bold" fill="#1a1a1a" text-anchor="end">${esc(r)}</text>`;
    c.kolumner.forEach((_, j) => {
      const cell = c.celler[i]![j]!;
      const x = left + j * colW;
      const judged = cell.stöd + cell.luckor;
      // Red by the share of kommuner with a gap: white when none, dark red when all.
      const t = judged ? cell.luckor / judged : 0;
      const mix = (a: number, z: number) => Math.round(a + (z - a) * t).toString(16).padStart(2, '0');
      const fill = judged ? `#${mix(0xe8, 0xb3)}${mix(0xf3, 0x26)}${mix(0xe8, 0x1e)}` : '#f0f0f0';
      const ink = t > 0.5 ? '#ffffff' : '#1a1a1a';
      b += `<rect x="${x + 2}" y="${y + 2}" width="${colW - 4}" height="${rowH - 4}" fill="${fill}" stroke="${GREY}" stroke-width="0.5"/>`;
      b += `<text x="${x + colW / 2}" y="${y + 21}" ${FONT} font-size="12" font-weight="bold" fill="${ink}" text-anchor="middle">${cell.luckor} av ${judged} saknar</text>`;
      if (cell.okänt) b += `<text x="${x + colW / 2}" y="${y + 38}" ${FONT} font-size="10.5" fill="${ink}" text-anchor="middle">${cell.okänt} kan inte bedömas</text>`;
    });
  });
  b += `<text x="${left}" y="${H - 12}" ${FONT} font-size="10" fill="${GREY}">Antal kommuner (av ${c.kommuner} med projektfil) utan stöd för åldern på nivån; rödare = fler luckor.</text>`;
  return svgDoc(W, H, title, b);
}

function planstatus(c: Extract<Chart, { typ: 'planstatus' }>, title: string): string {
  const W = 680, left = 200, span = 380, rowH = 28, top = 16;
  const H = top + c.staplar.length * rowH + 30;
  const max = Math.max(1, c.kommuner);
  let b = '';
  c.staplar.forEach((s, i) => {
    const y = top + i * rowH;
    const w = (span * s.antal) / max;
    b += `<text x="${left - 8}" y="${y + 17}" ${FONT} font-size="12" fill="#1a1a1a" text-anchor="end">${esc(clip(s.etikett, 30))}</text>`;
    b += `<rect x="${left}" y="${y + 5}" width="${Math.max(0, w)}" height="16" fill="${BLUE}"/>`;
    b += `<text x="${left + w + 6}" y="${y + 18}" ${FONT} font-size="12" fill="#1a1a1a">${s.antal}</text>`;
  });
  b += `<text x="${left}" y="${H - 10}" ${FONT} font-size="10" fill="${GREY}">Antal kommuner av ${c.kommuner}, efter handlingsplanens status.</text>`;
  return svgDoc(W, H, title, b);
}

/** The chart as SVG (XML, for resvg and inline in HTML): only XML characters, whatever the labels hold. */
export function chartSvg(c: Chart, title: string): string {
  switch (c.typ) {
    case 'faktorer': return xmlChars(faktorer(c, title));
    case 'täckning': return xmlChars(täckning(c, title));
    case 'tidslinje': return xmlChars(tidslinje(c, title));
    case 'indikatorer': return xmlChars(indikatorer(c, title));
    case 'stegPerKommun': return xmlChars(stegPerKommun(c, title));
    case 'täckningLän': return xmlChars(täckningLän(c, title));
    case 'planstatus': return xmlChars(planstatus(c, title));
  }
}

/**
 * PNG (1.6× for print) of a chart, drawn by resvg with the bundled font only (deterministic).
 * Drawn synchronously, one chart at a time: with renderAsync two charts drawn side by side on
 * the thread pool came out with different pixels in about one run in ten.
 * The PNG is opaque RGB (flattened on white; every chart has a white background anyway): pdfkit
 * embeds an RGBA PNG by decoding it on the thread pool and numbers its /SMask object when the
 * decoding finishes, so two charts got their numbers in completion order and the same project
 * gave different PDFs now and then. An RGB PNG is embedded as it is, synchronously, in order.
 */
export async function chartPng(c: Chart, title: string, fontDir: string): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(chartSvg(c, title), {
    font: { fontFiles: ['Regular', 'Bold', 'Italic'].map((s) => `${fontDir}/LiberationSans-${s}.ttf`), loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' },
    fitTo: { mode: 'zoom', value: 1.6 },
    background: '#ffffff',
  });
  const img = r.render();
  return { png: opaquePng(img.pixels, img.width, img.height), width: img.width / 1.6, height: img.height / 1.6 };
}

/** An 8-bit RGB PNG from RGBA pixels, composited on white. */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none (deflate does well on flat chart colours)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4, o = y * row + 1 + x * 3, a = rgba[i + 3]!;
      if (a === 255) { raw[o] = rgba[i]!; raw[o + 1] = rgba[i + 1]!; raw[o + 2] = rgba[i + 2]!; continue; } // nearly every pixel (white background)
      for (let k = 0; k < 3; k++) raw[o + k] = Math.round((rgba[i + k]! * a + 255 * (255 - a)) / 255);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, colour type 2 (RGB), deflate, no filter method, not interlaced
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    // Level 6: a fifth of level 9's time (an översikt has 60 charts), some 4 % larger.
    chunk('IDAT', zlib.deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
