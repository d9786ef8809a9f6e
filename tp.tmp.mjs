import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as fontkit from 'fontkit';
const dir = '/tmp/svgs';
const svgs = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const files = Object.fromEntries(['Regular', 'Bold', 'Italic'].map((s) => [s, `/work/main/assets/fonts/LiberationSans-${s}.ttf`]));
const size = (svg) => { const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg); return { width: +m[1], height: +m[2] }; };
const opt = (svg) => ({ font: { fontFiles: Object.values(files), loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' }, fitTo: { mode: 'width', value: Math.round(size(svg).width * 2) }, background: '#ffffff' });
const t = (label, fn) => { const t0 = performance.now(); const r = fn(); console.log(label.padEnd(30), (performance.now() - t0).toFixed(0), 'ms'); return r; };
const fonts = t('open fonts', () => Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fontkit.openSync(f)])));
const un = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const r2 = (n) => Math.round(n * 100) / 100;
function toPaths(svg, defs, used) {
  return svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (all, attrs, body) => {
    const a = (n) => new RegExp(`(?:^| )${n}="([^"]*)"`).exec(attrs)?.[1];
    const style = a('font-weight') === 'bold' ? 'Bold' : a('font-style') === 'italic' ? 'Italic' : 'Regular';
    const f = fonts[style], size = +a('font-size'), k = size / f.unitsPerEm;
    const run = f.layout(un(body).replace(/[ \t\n\r]+/g, ' ').trim());
    let w = 0; for (const p of run.positions) w += p.xAdvance;
    const anchor = a('text-anchor') ?? 'start';
    let x = +a('x') - (anchor === 'end' ? w * k : anchor === 'middle' ? w * k / 2 : 0);
    const y = +a('y');
    let out = '';
    for (let i = 0; i < run.glyphs.length; i++) {
      const g = run.glyphs[i], p = run.positions[i];
      const id = `${style[0]}${g.id}`;
      if (!used.has(id)) { used.add(id); defs.push(`<path id="${id}" d="${g.path.toSVG()}"/>`); }
      out += `<use href="#${id}" transform="translate(${r2(x + p.xOffset * k)} ${r2(y - p.yOffset * k)}) scale(${+k.toFixed(6)} ${-k.toFixed(6)})"/>`;
      x += p.xAdvance * k;
    }
    return `<g fill="${a('fill') ?? '#000000'}">${out}</g>`;
  });
}
for (let round = 0; round < 2; round++) {
  const conv = t('to paths', () => svgs.map((s) => { const defs = [], used = new Set(); const body = toPaths(s, defs, used); return body.replace(/(<svg[^>]*>)/, `$1<defs>${defs.join('')}</defs>`); }));
  const rs = t('ctor paths', () => conv.map((s) => new Resvg(s, opt(s))));
  const imgs = t('render paths', () => rs.map((r) => r.render()));
  const rs0 = t('ctor text', () => svgs.map((s) => new Resvg(s, opt(s))));
  const imgs0 = t('render text', () => rs0.map((r) => r.render()));
  if (round === 1) {
    let diff = 0, tot = 0, maxd = 0;
    for (let i = 0; i < imgs.length; i++) { const a = imgs[i].pixels, b = imgs0[i].pixels; tot += a.length / 4; for (let k = 0; k < a.length; k += 4) { const d = Math.abs(a[k] - b[k]); if (d > 64) diff++; maxd = Math.max(maxd, d); } }
    console.log('px differ >64:', diff, 'of', tot, (diff / tot * 100).toFixed(3) + '%');
    writeFileSync('/tmp/p-paths.png', imgs[3].asPng()); writeFileSync('/tmp/p-text.png', imgs0[3].asPng());
    console.log('svg bytes', conv.reduce((a, s) => a + s.length, 0), svgs.reduce((a, s) => a + s.length, 0));
  }
}
