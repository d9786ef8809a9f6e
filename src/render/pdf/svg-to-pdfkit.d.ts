// svg-to-pdfkit ships no types: the one call fsstöd makes.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions { width?: number; height?: number; assumePt?: boolean; preserveAspectRatio?: string; fontCallback?: (...a: unknown[]) => string; warningCallback?: (m: string) => void }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
