// HTML writer: one self-contained, semantic page (lang="sv", header, nav, main, tables with
// th scope, figures with inline SVG and figcaption).
import type { Block, DocModel, Heading, Inline } from '../model.js';
import { contents, headingShift, linkGroups, plain } from '../model.js';
import { chartSvg, type ChartFont } from '../charts.js';
import { coverRows } from '../cover.js';
import { xmlChars, xmlEscape } from '../xml.js';
import { readFileSync } from 'node:fs';
import { footerText, headerText, type Profil } from '../profil.js';
import { ISO_DATE } from '../hyphen.js';

const esc = xmlEscape;

function inl(xs: Inline[]): string {
  return linkGroups(xs).map(({ href, runs }) => {
    const text = runs.map((x) => {
      let s = keepDates(esc(x.text));
      // A code block's lines stay lines.
      if (x.code) s = `<code>${s.replace(/\n/g, '<br>')}</code>`;
      if (x.strike) s = `<del>${s}</del>`;
      if (x.italic) s = `<em>${s}</em>`;
      if (x.bold) s = `<strong>${s}</strong>`;
      return s;
    }).join('');
    return href === undefined ? text : `<a href="${esc(href)}">${text}</a>`;
  }).join('');
}

/** A date (ÅÅÅÅ-MM-DD) does not break at its hyphens. */
const keepDates = (s: string) => s.replace(ISO_DATE, '<span class="datum">$&</span>');

const CSS = `
body{font-family:"Liberation Sans",Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:0 auto;padding:2rem;line-height:1.5;overflow-wrap:break-word}
header.omslag{border-bottom:4px solid #1f5fa8;margin-bottom:2rem;padding-bottom:1rem}
header.omslag .kommun{font-size:1.1rem;color:#1f5fa8;font-weight:bold;text-transform:uppercase;letter-spacing:.05em}
header.omslag h1{font-size:2.2rem;margin:.3rem 0}
header.omslag dl{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.2rem 1rem}
header.omslag dt{font-weight:bold}
.exempel{background:#fff4ce;border:1px solid #c77c02;padding:.5rem 1rem}
h1.n1,h2.n1{color:#1f5fa8;border-bottom:1px solid #c9d6e8;padding-bottom:.2rem;margin-top:2.5rem;font-size:2em}
.n2{color:#17457a;font-size:1.5em}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
th,td{border:1px solid #b8c4d4;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#e8eef7}
figure{margin:1.5rem 0}
figure svg{width:100%;max-width:640px;height:auto}
figcaption{font-style:italic;color:#444}
nav.innehall .rubrik{font-size:1.5rem;font-weight:bold;color:#17457a;margin:1.5rem 0 .5rem}
nav.innehall ol{list-style:none;padding-left:0;margin:0}
nav.innehall ol ol{padding-left:1rem;font-size:.95em}
nav.innehall a{display:inline-block;min-height:24px;min-width:24px;padding:2px 0;line-height:20px}
@media (min-width:40rem){nav.innehall>ol{columns:2;column-gap:2rem}nav.innehall>ol>li{break-inside:avoid}}
.tabell{overflow-x:auto;margin:1rem 0}
.tabell table{margin:0}
caption{text-align:left;font-weight:bold;padding:.2rem 0}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.datum{white-space:nowrap}
@media (max-width:40rem){body{padding:1rem}header.omslag h1{font-size:1.6rem}header.omslag dl{grid-template-columns:minmax(0,1fr);gap:0}header.omslag dd{margin:0 0 .4rem}}
blockquote{border-left:4px solid #c9d6e8;margin:1rem 0;padding:.1rem 1rem;color:#333}
code{font-family:"Liberation Mono","Courier New",monospace;font-size:.92em;background:#f2f4f7;padding:0 .2em}
@media print{
.sidbrytning{break-after:page}
body{max-width:none;padding:0;font-size:10.5pt}
.tabell{overflow:visible;margin:.8rem 0}
table{width:100%;table-layout:auto}
th,td{overflow-wrap:break-word;hyphens:auto}
.tabell.bred table{font-size:8pt}
.tabell.bred th,.tabell.bred td{padding:.2rem .3rem}
h1,h2,h3,h4,h5,h6,caption,thead{break-after:avoid}
tr,figure,.tabell.nycklar,.samman{break-inside:avoid}
nav.innehall{break-before:page}
nav.innehall a{min-height:0;padding:0;line-height:1.35}
}
`;

/** A CSS string: quoted, with what would end it or the style element escaped. */
const cssString = (s: string) => `"${s.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The printed page (Chromium's "Skriv ut"): A4, the running header (and a profile's footer line)
 * in the page margins as the PDF has them, not on the cover; "Sida N av M" on every page.
 */
function pageCss(m: DocModel['meta'], profil?: Profil): string {
  // The page's margin boxes do not inherit the body's font: named as the body names it.
  const family = profil?.typsnitt ? `${JSON.stringify(profil.typsnitt.familj)},` : '';
  const small = `font-family:${family}"Liberation Sans",Arial,sans-serif;font-size:8pt;color:#6b6b6b`;
  const number = `content:"Sida " counter(page) " av " counter(pages);${small}`;
  const footer = footerText(profil, m.titel, m.kommun);
  const foot = footer === undefined ? `@bottom-center{${number}}` : `@bottom-left{content:${cssString(footer)};${small}}@bottom-right{${number}}`;
  return `@page{size:A4;margin:20mm 18mm 18mm;@top-right{content:${cssString(headerText(profil, m.titel, m.kommun))};${small}}${foot}}\n@page:first{@top-right{content:none}${footer === undefined ? '' : '@bottom-left{content:none}'}}\n`;
}

export function writeHtml(doc: DocModel, warn: (m: string) => void, profil?: Profil, font?: ChartFont): string {
  const m = doc.meta;
  const parts: string[] = [];
  const headings = contents(doc.blocks);
  const shift = headingShift(doc.blocks);
  let tables = 0;
  const captions = new Set<string>();
  let heading = '';
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'cover':
        return `<header class="omslag">${logoImg(profil)}<p class="kommun">${esc(m.kommun)}</p><h1>${esc(m.titel)}</h1><p>${esc(m.projekt)}</p><dl>${coverRows(m).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>${m.exempel ? '<p class="exempel"><strong>Exempel – påhittade uppgifter.</strong></p>' : ''}</header>`;
      case 'toc':
        // "Innehåll" names the navigation; it is not a chapter of the document (no heading).
        return `<nav class="innehall" aria-labelledby="innehall-rubrik"><p class="rubrik" id="innehall-rubrik">Innehåll</p>${tocList(headings)}</nav>`;
      case 'heading': { heading = plain(b.text); const h = Math.min(6, b.level + shift); return `<h${h} id="${b.id}"${b.level <= 2 ? ` class="n${b.level}"` : ''}>${inl(b.text)}</h${h}>`; }
      case 'paragraph': return `<p>${inl(b.text)}</p>`;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        // A tight item (one paragraph and perhaps lists) holds its text without <p>, as Markdown renders it.
        const item = (bs: Block[]) => bs.map((c, k) => (c.kind === 'paragraph' && k === 0 ? inl(c.text) : block(c))).join('');
        return `<${tag}${start}>${b.items.map((i) => `<li>${item(i)}</li>`).join('')}</${tag}>`;
      }
      case 'quote': return `<blockquote>${b.blocks.map(block).join('')}</blockquote>`;
      case 'table': {
        // Each table's region is named by its caption: the names must differ.
        let caption = b.caption ?? `Tabell ${tables + 1}`;
        if (captions.has(caption)) caption += ` (${tables + 1})`;
        captions.add(caption);
        // A caption that only repeats the heading above is there for screen readers (it names the
        // table and its region) but is not shown a second time.
        return tableHtml(b, ++tables, caption, b.caption === heading);
      }
      case 'figure':
        return `<figure>${chartSvg(b.chart, b.alt, font)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
      case 'pagebreak': return '<div class="sidbrytning" aria-hidden="true"></div>';
      default: {
        const never: never = b;
        warn(`HTML kan inte återge ${(never as Block).kind}`);
        return '';
      }
    }
  };
  // Blocks kept together (:::samman) share a box that print does not split.
  let samman: string[] | undefined;
  for (const b of doc.blocks) {
    const keep = 'keepNext' in b && b.keepNext;
    if (keep && !samman) samman = [];
    if (samman) samman.push(block(b)); else parts.push(block(b));
    if (samman && !keep) { parts.push(`<div class="samman">${samman.join('\n')}</div>`); samman = undefined; }
  }
  if (samman) parts.push(`<div class="samman">${samman.join('\n')}</div>`);
  // The one place the page becomes text: only XML characters (XHTML tools and parsers read it too).
  return xmlChars(`<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(m.titel)} – ${esc(m.kommun)}</title>\n<meta name="description" content="${esc(m.projekt)}">\n<style>${profil ? profileCss(profil) : CSS}${pageCss(m, profil)}</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`, warn, 'HTML');
}

/**
 * A table in a region that scrolls sideways on a narrow screen (the page itself reflows, WCAG
 * 1.4.10), focusable so it scrolls from the keyboard and named by the table's caption.
 */
function tableHtml(b: Extract<Block, { kind: 'table' }>, n: number, captionText: string, hidden: boolean): string {
  // A header cell is bold by its element; the model marks header text bold for DOCX and PDF.
  const th = (xs: Inline[], scope: 'col' | 'row') => `<th scope="${scope}">${inl(xs.map((x) => ({ ...x, bold: false })))}</th>`;
  const id = `tabell-${n}`;
  const caption = `<caption id="${id}"${hidden ? ' class="sr-only"' : ''}>${esc(captionText)}</caption>`;
  const head = b.labels ? '' : `<thead><tr>${b.header.map((h) => th(h, 'col')).join('')}</tr></thead>`;
  const row = (r: Inline[][]) => `<tr>${r.map((c, i) => (b.labels && i === 0 ? th(c, 'row') : `<td>${inl(c)}</td>`)).join('')}</tr>`;
  // In print a wide table gets smaller type so that every column fits the sheet; a label/value
  // table (Beslut, Rapportens status) is kept on one page.
  const cls = b.labels ? ' nycklar' : (b.header.length >= 6 ? ' bred' : '');
  return `<div class="tabell${cls}" role="region" tabindex="0" aria-labelledby="${id}"><table>${caption}${head}<tbody>${b.rows.map(row).join('')}</tbody></table></div>`;
}

/** Chapters as a list, each with its sections (level 2) as a list inside it. */
function tocList(headings: Heading[]): string {
  const link = (h: Heading) => `<a href="#${h.id}">${esc(plain(h.text))}</a>`;
  let html = '<ol>';
  let chapter = false; // a chapter's <li> is open
  let sections = false; // and a list of its sections in it
  const closeChapter = () => { html += sections ? '</ol></li>' : chapter ? '</li>' : ''; chapter = sections = false; };
  for (const h of headings) {
    if (h.level === 1 || !chapter) {
      closeChapter();
      html += `<li>${link(h)}`;
      chapter = true;
    } else {
      if (!sections) html += '<ol>';
      html += `<li>${link(h)}</li>`;
      sections = true;
    }
  }
  closeChapter();
  return `${html}</ol>`;
}

/** The cover's logo as an image (a data URL: the page stays one file, and an SVG's scripts do not run). */
function logoImg(p: Profil | undefined): string {
  const l = p?.logotyp;
  if (!l) return '';
  const h = Math.min(64, l.höjd * (200 / l.bredd));
  return `<img class="logotyp" src="data:image/${l.typ === 'svg' ? 'svg+xml' : 'png'};base64,${l.data.toString('base64')}" alt="${esc(l.text)}" height="${Math.round(h)}" width="${Math.round(h * (l.bredd / l.höjd))}">`;
}

/** The neutral style sheet in the kommun's colours, with its font embedded (@font-face, each file once). */
function profileCss(p: Profil): string {
  const f = p.färger;
  let css = CSS.replace(/#1f5fa8/g, f.primär ?? '#1f5fa8').replace(/#17457a/g, f.mörk ?? '#17457a').replace(/#e8eef7/g, f.ljus ?? '#e8eef7');
  css += 'header.omslag img.logotyp{display:block;margin-bottom:1rem;max-width:100%;height:auto}\n';
  const t = p.typsnitt;
  if (!t) return css;
  const family = JSON.stringify(t.familj);
  const faces: string[] = [];
  const seen = new Set<string>();
  for (const [cut, weight, style] of [['R', 400, 'normal'], ['B', 700, 'normal'], ['I', 400, 'italic'], ['BI', 700, 'italic']] as const) {
    const file = t.filer[cut];
    if (seen.has(file)) continue;
    seen.add(file);
    const format = file.toLowerCase().endsWith('.otf') ? 'opentype' : 'truetype';
    faces.push(`@font-face{font-family:${family};font-weight:${weight};font-style:${style};src:url(data:font/${format === 'opentype' ? 'otf' : 'ttf'};base64,${readFileSync(file).toString('base64')}) format("${format}")}`);
  }
  return `\n${faces.join('\n')}${css.replace('font-family:"Liberation Sans"', `font-family:${family},"Liberation Sans"`)}`;
}
