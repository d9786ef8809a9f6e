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
});
