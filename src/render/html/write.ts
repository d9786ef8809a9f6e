// HTML writer: one self-contained, semantic page (lang="sv", header, nav, main, tables with
// th scope, figures with inline SVG and figcaption).
import type { Block, DocModel, Heading, Inline } from '../model.js';
import { contents, linkGroups, plain } from '../model.js';
import { chartSvg } from '../charts.js';
import { coverRows } from '../cover.js';
import { xmlChars, xmlEscape } from '../xml.js';

const esc = xmlEscape;

function inl(xs: Inline[]): string {
  return linkGroups(xs).map(({ href, runs }) => {
    const text = runs.map((x) => {
      let s = esc(x.text);
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

const CSS = `
body{font-family:"Liberation Sans",Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:0 auto;padding:2rem;line-height:1.5}
header.omslag{border-bottom:4px solid #1f5fa8;margin-bottom:2rem;padding-bottom:1rem}
header.omslag .kommun{font-size:1.1rem;color:#1f5fa8;font-weight:bold;text-transform:uppercase;letter-spacing:.05em}
header.omslag h1{font-size:2.2rem;margin:.3rem 0}
header.omslag dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
header.omslag dt{font-weight:bold}
.exempel{background:#fff4ce;border:1px solid #c77c02;padding:.5rem 1rem}
h1{color:#1f5fa8;border-bottom:1px solid #c9d6e8;padding-bottom:.2rem;margin-top:2.5rem}
h2{color:#17457a}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
th,td{border:1px solid #b8c4d4;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#e8eef7}
figure{margin:1.5rem 0}
figure svg{width:100%;max-width:640px;height:auto}
figcaption{font-style:italic;color:#444}
nav.innehall>ol{columns:2;column-gap:2rem}
nav.innehall>ol>li{break-inside:avoid}
nav.innehall ol ol{list-style:none;padding-left:1rem;font-size:.95em}
blockquote{border-left:4px solid #c9d6e8;margin:1rem 0;padding:.1rem 1rem;color:#333}
code{font-family:"Liberation Mono","Courier New",monospace;font-size:.92em;background:#f2f4f7;padding:0 .2em}
@media print{.sidbrytning{page-break-after:always}}
`;

export function writeHtml(doc: DocModel, warn: (m: string) => void): string {
  const m = doc.meta;
  const parts: string[] = [];
  const headings = contents(doc.blocks);
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'cover':
        return `<header class="omslag"><p class="kommun">${esc(m.kommun)}</p><h1>${esc(m.titel)}</h1><p>${esc(m.projekt)}</p><dl>${coverRows(m).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>${m.exempel ? '<p class="exempel"><strong>Exempel – påhittade uppgifter.</strong></p>' : ''}</header>`;
      case 'toc':
        return `<nav class="innehall" aria-label="Innehåll"><h2>Innehåll</h2>${tocList(headings)}</nav>`;
      case 'heading': return `<h${b.level} id="${b.id}">${inl(b.text)}</h${b.level}>`;
      case 'paragraph': return `<p>${inl(b.text)}</p>`;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        // A tight item (one paragraph and perhaps lists) holds its text without <p>, as Markdown renders it.
        const item = (bs: Block[]) => bs.map((c, k) => (c.kind === 'paragraph' && k === 0 ? inl(c.text) : block(c))).join('');
        return `<${tag}${start}>${b.items.map((i) => `<li>${item(i)}</li>`).join('')}</${tag}>`;
      }
      case 'quote': return `<blockquote>${b.blocks.map(block).join('')}</blockquote>`;
      case 'table':
        // A header cell is bold by its element; the model marks header text bold for DOCX and PDF.
        return `<table><thead><tr>${b.header.map((h) => `<th scope="col">${inl(h.map((x) => ({ ...x, bold: false })))}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${inl(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      case 'figure':
        return `<figure>${chartSvg(b.chart, b.alt)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
      case 'pagebreak': return '<div class="sidbrytning" aria-hidden="true"></div>';
      default: {
        const never: never = b;
        warn(`HTML kan inte återge ${(never as Block).kind}`);
        return '';
      }
    }
  };
  for (const b of doc.blocks) parts.push(block(b));
  // The one place the page becomes text: only XML characters (XHTML tools and parsers read it too).
  return xmlChars(`<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(m.titel)} – ${esc(m.kommun)}</title>\n<meta name="description" content="${esc(m.projekt)}">\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`, warn, 'HTML');
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
