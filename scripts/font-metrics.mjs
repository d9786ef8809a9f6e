// The bundled font's advance widths (assets/fonts, Liberation Sans) → src/render/font-metrics.json,
// so that charts measure their text with the font's own metrics without loading a font library
// at run time. Run after changing the bundled fonts: node scripts/font-metrics.mjs
// (test/render/chart-fonts.test.ts checks that the file matches the fonts).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Per style: units per em and, per code point in the font's cmap (BMP), the advance width. */
export function fontMetrics() {
  const out = {};
  for (const style of ['Regular', 'Bold', 'Italic']) {
    const f = fontkit.openSync(join(root, 'assets', 'fonts', `LiberationSans-${style}.ttf`));
    const w = {};
    for (const cp of [...f.characterSet].filter((c) => c >= 0x20 && c <= 0xffff).sort((a, b) => a - b)) w[cp] = f.glyphForCodePoint(cp).advanceWidth;
    out[style] = { unitsPerEm: f.unitsPerEm, widths: w };
  }
  return out;
}

export const metricsText = () => JSON.stringify(fontMetrics()) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(join(root, 'src', 'render', 'font-metrics.json'), metricsText());
