// svg-to-pdfkit 0.1.8 ships no types; what the PDF writer uses of it.
declare module 'svg-to-pdfkit' {
  interface Options {
    width?: number; height?: number; assumePt?: boolean; precision?: number;
    preserveAspectRatio?: string;
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxItalic?: boolean; fauxBold?: boolean }) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: Options): void;
}
