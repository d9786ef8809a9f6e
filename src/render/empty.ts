// What a document leaves empty, said instead of shown as an empty frame: a table with a header
// and no rows becomes a sentence saying it is empty, a chart with nothing to draw a sentence
// saying why, and render warns (also without --strikt) about those and about the sections that
// hold nothing but "Ej ifyllt", so an early document does not pass for a finished one unnoticed.
// This is the one collector of empty parts: a chart and a table left empty in the same section
// get one sentence between them, not one each.
import { plain, type Block } from './model.js';

const EJ = 'Ej ifyllt';
export const TOM_TABELL = 'Inga uppgifter är ifyllda ännu.';

const isEj = (b: Block) => b.kind === 'paragraph' && plain(b.text).trim().replace(/[.:]$/, '') === EJ;

interface EmptyChart { titel: string; tom: string; typ: string }
/** The paragraphs that stand where an empty chart would be (markdown.ts makes them with emptyChart). */
const charts = new WeakMap<Block, EmptyChart>();

const chartSentence = (c: EmptyChart, medTabell: boolean) =>
  `${c.titel ? `${c.titel}: ` : ''}${c.tom} ${medTabell ? 'Diagrammet och tabellen visas' : 'Diagrammet visas'} när det finns uppgifter.`;

/** The block that stands for a chart with nothing to draw: why it is empty (tom), in the chart's place. */
export function emptyChart(titel: string, tom: string, typ: string): Block {
  const c = { titel, tom, typ };
  const b: Block = { kind: 'paragraph', text: [{ text: chartSentence(c, false), italic: true }] };
  charts.set(b, c);
  return b;
}

/** The blocks with empty tables replaced, and the headings of empty tables and empty sections, and the empty charts. */
export function markEmpty(blocks: Block[]): { blocks: Block[]; tommaTabeller: string[]; tommaAvsnitt: string[]; tommaDiagram: string[] } {
  const tommaTabeller: string[] = [];
  const tommaAvsnitt: string[] = [];
  const tommaDiagram: string[] = [];
  let heading = '';
  // The empty chart of the current section, whose sentence also speaks for an empty table after it.
  let chart: { at: number; c: EmptyChart } | undefined;
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') { heading = plain(b.text); chart = undefined; }
    const c = charts.get(b);
    if (c) {
      tommaDiagram.push(`${c.titel || c.typ} (${c.tom.replace(/\.$/, '')})`);
      chart = { at: out.length, c };
    }
    if (b.kind === 'table' && b.rows.length === 0) {
      tommaTabeller.push(heading || '(före första rubriken)');
      if (chart) {
        out[chart.at] = { kind: 'paragraph', text: [{ text: chartSentence(chart.c, true), italic: true }] };
        chart = undefined;
        continue;
      }
      out.push({ kind: 'paragraph', text: [{ text: TOM_TABELL, italic: true }] });
      continue;
    }
    out.push(b);
  }
  // A section is the blocks after a heading up to the next heading; it is empty when it holds
  // something and all of it is "Ej ifyllt" or an empty table's sentence.
  for (let i = 0; i < out.length; i++) {
    const h = out[i]!;
    if (h.kind !== 'heading') continue;
    let j = i + 1;
    const body: Block[] = [];
    while (j < out.length && out[j]!.kind !== 'heading' && out[j]!.kind !== 'pagebreak') body.push(out[j++]!);
    if (body.length && body.every((b) => isEj(b) || (b.kind === 'paragraph' && plain(b.text) === TOM_TABELL))) tommaAvsnitt.push(plain(h.text));
  }
  return { blocks: out, tommaTabeller, tommaAvsnitt, tommaDiagram };
}

/** The warning render prints, or undefined when nothing is empty. */
export function emptyWarning(dokument: string, e: { tommaTabeller: string[]; tommaAvsnitt: string[]; tommaDiagram: string[] }): string | undefined {
  const parts: string[] = [];
  const list = (xs: string[]) => { const u = [...new Set(xs)]; return u.length > 6 ? `${u.slice(0, 6).join(', ')} med flera (${u.length})` : u.join(', '); };
  if (e.tommaAvsnitt.length) parts.push(`tomma avsnitt: ${list(e.tommaAvsnitt)}`);
  if (e.tommaTabeller.length) parts.push(`tabeller utan rader (skrivs som en mening om att de är tomma) under: ${list(e.tommaTabeller)}`);
  if (e.tommaDiagram.length) parts.push(`diagram som inte visas: ${list(e.tommaDiagram)}`);
  return parts.length ? `${dokument}: ${parts.join('; ')}. Se vad som saknas med fsstöd check --for ${dokument}.` : undefined;
}
