// A chart drawn into the PDF from its shapes (chart-svg.ts) with pdfkit's own drawing and text:
// each text is one text object (so pdftotext reads it as words) in the document's embedded fonts.
// svg-to-pdfkit, used before, placed every glyph on its own and cost a quarter of the whole
// country's PDF; it still draws a profile's SVG logo, which can be any SVG.
import type { ChartScene, Shape } from '../chart-svg.js';
import type { Style } from '../charts.js';

/** Draws the chart scaled into the box at (x, y), w × h points, inside the caller's marked content. */
export function drawChartScene(pdf: PDFKit.PDFDocument, scene: ChartScene, x: number, y: number, w: number, h: number, fontOf: (s: Style) => string): void {
  const { x: px, y: py } = pdf;
  pdf.save();
  pdf.translate(x, y).scale(w / scene.viewBox.width, h / scene.viewBox.height);
  draw(pdf, scene.shapes, fontOf);
  pdf.restore();
  pdf.x = px;
  pdf.y = py;
}

function paint(pdf: PDFKit.PDFDocument, s: { fill?: string; stroke?: string; strokeWidth: number; dash?: number[] }): void {
  if (s.stroke) {
    pdf.lineWidth(s.strokeWidth);
    // pdfkit takes the SVG's dash array as it is (its types know only a length and a space).
    if (s.dash) (pdf.dash as unknown as (d: number[], o: object) => void).call(pdf, s.dash, {}); else pdf.undash();
  }
  if (s.fill && s.stroke) pdf.fillAndStroke(s.fill, s.stroke);
  else if (s.fill) pdf.fill(s.fill);
  else if (s.stroke) pdf.stroke(s.stroke);
  else pdf.addContent('n'); // neither: end the path unpainted
}

function draw(pdf: PDFKit.PDFDocument, shapes: Shape[], fontOf: (s: Style) => string): void {
  for (const s of shapes) {
    switch (s.kind) {
      case 'group':
        pdf.save();
        pdf.scale(s.scale);
        draw(pdf, s.shapes, fontOf);
        pdf.restore();
        break;
      case 'rect':
        // SVG draws no rect without width or height (a stroke would show here).
        if (s.width <= 0 || s.height <= 0) break;
        if (s.rx > 0) pdf.roundedRect(s.x, s.y, s.width, s.height, Math.min(s.rx, s.width / 2, s.height / 2));
        else pdf.rect(s.x, s.y, s.width, s.height);
        paint(pdf, s);
        break;
      case 'line':
        pdf.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2);
        paint(pdf, { ...s, fill: undefined });
        break;
      case 'circle':
        if (s.r <= 0) break;
        pdf.circle(s.cx, s.cy, s.r);
        paint(pdf, s);
        break;
      case 'text': {
        pdf.font(fontOf(s.style)).fontSize(s.size).fillColor(s.fill);
        const width = s.anchor === 'start' ? 0 : pdf.widthOfString(s.text);
        pdf.text(s.text, s.x - (s.anchor === 'end' ? width : s.anchor === 'middle' ? width / 2 : 0), s.y, { lineBreak: false, baseline: 'alphabetic' });
        break;
      }
    }
  }
}
