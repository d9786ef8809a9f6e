// Text a user typed never changes a document's structure: table-driven hostile inputs go
// through the real template pipeline and come out literally, in the same single node.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeCell } from '../../src/render/escape.js';
import { markdownToBlocks } from '../../src/render/markdown.js';
import { plain } from '../../src/render/model.js';

const HOSTILE = [
  'Vanlig text med å ä ö',
  '| a | b |',
  '# Rubrik',
  '## Inte en rubrik',
  '**fet** och _kursiv_ och *stjärna*',
  '[länk](javascript:alert(1))',
  '<script>alert("x")</script>',
  '- inte en lista',
  '1. inte numrerad',
  '> inte citat',
  '```kod```',
  '::sidbrytning',
  '::diagram{typ="faktorer"}',
  '&amp; &lt;',
  'a\\b\\\\c',
  '---',
  '    fyra mellanslag',
  '![bild](x.png)',
  '~~struken~~',
  '<!-- kommentar -->',
  '{{mall}}',
];
const noCharts = { charts: {} } as never;

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('paragraph: %s is printed literally', (s) => {
    const warns: string[] = [];
    const blocks = markdownToBlocks(escapeMarkdown(s), noCharts, (w) => warns.push(w));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('paragraph');
    expect(plain((blocks[0] as unknown as { text: never }).text)).toBe(s.trim());
    expect((blocks[0] as { text: { bold?: boolean; italic?: boolean }[] }).text.every((i) => !i.bold && !i.italic)).toBe(true);
    expect(warns).toEqual([]);
  });

  it.each(HOSTILE)('table cell: %s stays in its cell', (s) => {
    const md = `| A | B |\n|---|---|\n| ${escapeCell(s + '\nrad två')} | x |\n`;
    const blocks = markdownToBlocks(md, noCharts, () => {});
    expect(blocks).toHaveLength(1);
    const t = blocks[0] as { kind: string; rows: { text: string }[][][] };
    expect(t.kind).toBe('table');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.map((c) => plain(c as never))).toEqual([`${s.trim()} rad två`, 'x']);
  });

  it('keeps the user\'s paragraphs but nothing else', () => {
    const blocks = markdownToBlocks(escapeMarkdown('Första stycket.\n\n\n\nAndra stycket med # och |.'), noCharts, () => {});
    expect(blocks.map((b) => plain((b as unknown as { text: never }).text))).toEqual(['Första stycket.', 'Andra stycket med # och |.']);
  });

  // Issue 12: a multi-line answer that is a list stays a list; its items are still escaped.
  const listOf = (md: string) => markdownToBlocks(md, noCharts, () => {});
  const items = (b: unknown) => (b as { items: { text: never }[][] }).items.map((it) => plain(it[0]!.text));
  it('"- A\n- B" after a line of text is a paragraph and a bullet list', () => {
    const blocks = listOf(escapeMarkdown('Vi gör:\n- **A** | # <script>\n- B_1\nSedan mer.'));
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect((blocks[1] as { ordered: boolean }).ordered).toBe(false);
    expect(items(blocks[1])).toEqual(['**A** | # <script>', 'B_1']);
    expect(plain((blocks[2] as unknown as { text: never }).text)).toBe('Sedan mer.');
  });
  it('"1. A\n2. B" is a numbered list; "* A" and "• A" are bullets', () => {
    const ol = listOf(escapeMarkdown('1. Ett\n2. Två'));
    expect(ol.map((b) => b.kind)).toEqual(['list']);
    expect((ol[0] as { ordered: boolean; start: number }).ordered).toBe(true);
    expect(items(ol[0])).toEqual(['Ett', 'Två']);
    expect(items(listOf(escapeMarkdown('* A\n• B'))[0])).toEqual(['A', 'B']);
  });
  it('a single "- x" line or "2026. Text" is not a list', () => {
    for (const s of ['- inte en lista', '2026. Året då', 'Text\n- ensam rad']) {
      expect(listOf(escapeMarkdown(s)).every((b) => b.kind === 'paragraph'), s).toBe(true);
    }
  });
});
