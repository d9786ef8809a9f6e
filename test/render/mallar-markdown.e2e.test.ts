// A custom template (--mallar) may hold any Markdown (issue 11 item 6): through the real CLI,
// nested lists, a quote in a list, a link, ##### and strikethrough reach every format, and
// what cannot be shown (an image) gives a warning that names the heading it stands under.
import { cpSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ROOT, runCliAsync, tempDir, hasStackTrace } from '../helpers/cli.js';

const MD = `::omslag

# Egen mall

Se [Länsstyrelsen](https://www.lansstyrelsen.se/) och ~~gammal text~~.

- ett
  - två
    - tre
- med citat

  > citerat

##### Femte nivån

![bild](x.png)
`;

describe('render --mallar with any Markdown', () => {
  it('keeps links, nested lists, quotes, ##### and strikethrough; warns for an image under its heading', async () => {
    const own = tempDir();
    cpSync(join(ROOT, 'templates'), own, { recursive: true });
    writeFileSync(join(own, 'lägesbild', 'dokument.md.hbs'), MD);
    const out = tempDir();
    const r = await runCliAsync(['render', 'lägesbild', join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), '--mallar', own, '--format', 'docx,pdf,html', '--ut', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    // One warning per format would be noise: the parser warns once, for the model all formats share.
    expect(r.stderr.match(/varning: mallen, under rubriken "Femte nivån" \(rad \d+ i mallens Markdown\): bilden "bild" kan inte visas/g)).toHaveLength(1);
    const file = (ext: string) => join(out, readdirSync(out).find((f) => f.endsWith(ext))!);
    const html = readFileSync(file('.html'), 'utf8');
    expect(html).toContain('<a href="https://www.lansstyrelsen.se/">Länsstyrelsen</a>');
    expect(html).toContain('<del>gammal text</del>');
    // With ::omslag the title is the one h1, so ##### is h6 (issue 13).
    expect(html).toContain('<h6 id="femte-nivån">Femte nivån</h6>');
    expect(html).toMatch(/<ul><li>ett<ul><li>två<ul><li>tre<\/li><\/ul><\/li><\/ul><\/li><li>med citat<blockquote><p>citerat<\/p><\/blockquote><\/li><\/ul>/);
    const zip = await JSZip.loadAsync(readFileSync(file('.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toContain('Target="https://www.lansstyrelsen.se/"');
    expect(xml).toContain('<w:strike/>');
    expect(xml).toContain('<w:pStyle w:val="Heading5"/>');
    expect(readFileSync(file('.pdf')).toString('latin1')).toContain('/URI (https://www.lansstyrelsen.se/)');
  }, 60_000);

  // Issue 10: a template is decoded by the one strict decoder, not readFileSync(…, 'utf8'),
  // which would turn the byte into U+FFFD in the document without a word.
  it('refuses a template with invalid UTF-8 with file:line:col, exit 2', async () => {
    const own = tempDir();
    cpSync(join(ROOT, 'templates'), own, { recursive: true });
    writeFileSync(join(own, 'lägesbild', 'dokument.md.hbs'), Buffer.concat([Buffer.from('# Egen mall\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const out = tempDir();
    const r = await runCliAsync(['render', 'lägesbild', join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), '--mallar', own, '--format', 'html', '--ut', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain(`${join(own, 'lägesbild', 'dokument.md.hbs')}:3:4: fel: filen är inte UTF-8-kodad: ogiltig byte 0xE9`);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
