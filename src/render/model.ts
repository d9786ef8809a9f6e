// One document model for every output format (as pandoc has one AST): templates produce
// Markdown, markdown.ts turns it into this model, and each writer renders every kind of node
// (an exhaustive switch with a `never` check, and a warning for what a format cannot show).
import type { Chart } from './charts.js';

/** A run of text with one style. A link is the runs that share one href (the URL is kept). */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  /** Inline code (monospace where the format has a monospace font). */
  code?: boolean;
  href?: string;
}

/** Markdown's six levels; every writer has a real heading (style, tag, H1–H6) for each. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * keepNext: the block stays on the page of the block after it (":::samman" in a template around
 * blocks that belong together, such as Beslutsunderlag and Expedieras till at a document's end).
 */
export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: Inline[]; id: string; keepNext?: boolean }
  | { kind: 'paragraph'; text: Inline[]; keepNext?: boolean }
  /** Each item is blocks of its own: paragraphs, nested lists, quotes, tables. */
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][]; keepNext?: boolean }
  | { kind: 'quote'; blocks: Block[] }
  /**
   * `header` has one entry per column. `labels`: a label/value table (Beslut, Rapportens status):
   * no header row (its cells are empty), the first cell of each row heads that row.
   * `caption`: what the table is, for <caption> and the tags (the heading it stands under).
   */
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][]; labels?: boolean; caption?: string }
  | { kind: 'figure'; chart: Chart; alt: string; caption: string; nummer: number }
  | { kind: 'pagebreak' }
  | { kind: 'toc' }
  | { kind: 'cover' };

export type BlockKind = Block['kind'];

export interface DocMeta {
  dokument: string;
  titel: string;
  projekt: string;
  kommun: string;
  period: string;
  version: string;
  status: string;
  diarienummer: string;
  /** ÅÅÅÅ-MM-DD: the decision date, or SOURCE_DATE_EPOCH, or today. */
  datum: string;
  /** The document's date as precise as beslut.dokumentdatum gives it ("september 2026"), for the cover. */
  datumText?: string;
  /** The same date as a Date, for PDF metadata and zip entries. */
  tid: Date;
  exempel: boolean;
  lang: 'sv-SE';
  /** The cover's document box (label, value), when the document has one (cover.ts dokumentRuta). */
  ruta?: [string, string][];
  /** The cover's facts when the document is not one project's (the översikt): replaces period, version, status and diarienummer. */
  omslag?: [string, string][];
}

export interface DocModel {
  meta: DocMeta;
  blocks: Block[];
}

export const plain = (inl: Inline[]) => inl.map((i) => i.text).join('');

export type Heading = Extract<Block, { kind: 'heading' }>;

/** The headings a table of contents lists, in every format: chapters (level 1) and their sections (level 2). */
export function contents(blocks: Block[]): Heading[] {
  return blocks.filter((b): b is Heading => b.kind === 'heading' && b.level <= 2);
}

/**
 * How far headings move down in the tags (HTML h1–h6, PDF H1–H6): with a cover, the title is the
 * one top heading (h1) and the template's chapters (level 1) become h2.
 */
export function headingShift(blocks: Block[]): number {
  return blocks.some((b) => b.kind === 'cover') ? 1 : 0;
}

/** Runs in order, grouped so that neighbours with the same href form one link (href undefined: plain text). */
export function linkGroups(xs: Inline[]): { href?: string; runs: Inline[] }[] {
  const out: { href?: string; runs: Inline[] }[] = [];
  for (const x of xs) {
    const last = out.at(-1);
    if (last && last.href === x.href) last.runs.push(x);
    else out.push({ href: x.href, runs: [x] });
  }
  return out;
}
