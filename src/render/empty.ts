// What a document leaves empty, said instead of shown as an empty frame: a table with a header
// and no rows becomes a sentence saying it is empty, and render warns (also without --strikt)
// about the sections that hold nothing but "Ej ifyllt", so an early document does not pass for
// a finished one unnoticed.
import { plain, type Block } from './model.js';

const EJ = 'Ej ifyllt';
export const TOM_TABELL = 'Inga uppgifter ifyllda ännu, så tabellen är tom.';

const isEj = (b: Block) => b.kind === 'paragraph' && plain(b.text).trim().replace(/[.:]$/, '') === EJ;

/** The blocks with empty tables replaced, and the headings of empty tables and empty sections. */
export function markEmpty(blocks: Block[]): { blocks: Block[]; tommaTabeller: string[]; tommaAvsnitt: string[] } {
  const tommaTabeller: string[] = [];
  const tommaAvsnitt: string[] = [];
  let heading = '';
  const out = blocks.map((b): Block => {
    if (b.kind === 'heading') heading = plain(b.text);
    if (b.kind === 'table' && b.rows.length === 0) {
      tommaTabeller.push(heading || '(före första rubriken)');
      return { kind: 'paragraph', text: [{ text: TOM_TABELL, italic: true }] };
    }
    return b;
  });
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
  return { blocks: out, tommaTabeller, tommaAvsnitt };
}

/** The warning render prints, or undefined when nothing is empty. */
export function emptyWarning(dokument: string, e: { tommaTabeller: string[]; tommaAvsnitt: string[] }): string | undefined {
  const parts: string[] = [];
  const list = (xs: string[]) => { const u = [...new Set(xs)]; return u.length > 6 ? `${u.slice(0, 6).join(', ')} med flera (${u.length})` : u.join(', '); };
  if (e.tommaAvsnitt.length) parts.push(`tomma avsnitt: ${list(e.tommaAvsnitt)}`);
  if (e.tommaTabeller.length) parts.push(`tabeller utan rader (skrivs som en mening om att de är tomma) under: ${list(e.tommaTabeller)}`);
  return parts.length ? `${dokument}: ${parts.join('; ')}. Se vad som saknas med fsstöd check --for ${dokument}.` : undefined;
}
