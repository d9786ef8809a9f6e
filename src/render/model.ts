// One document model for every output format (as pandoc has one AST): templates produce
// Markdown, markdown.ts turns it into this model, and each writer renders every kind of node.
import type { Chart } from './charts.js';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: Inline[]; id: string }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'figure'; chart: Chart; alt: string; caption: string; nummer: number }
  | { kind: 'pagebreak' }
  | { kind: 'toc' }
  | { kind: 'cover' };

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
  /** The same date as a Date, for PDF metadata and zip entries. */
  tid: Date;
  exempel: boolean;
  lang: 'sv-SE';
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

/** Writers call this for a node kind they cannot render, instead of dropping it silently. */
export class UnsupportedNode extends Error {}
