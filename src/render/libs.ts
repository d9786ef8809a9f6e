// The document libraries, as the build bundles them apart from the CLI (dist/libs.cjs, with a V8
// code cache of its own; scripts/build.mjs, bin/load-cli.cjs loadLibs): in the CLI's bundle,
// pdfkit, fontkit and docx are these. From the sources (the tests) they are imported directly.
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import * as docx from 'docx';

export { PDFDocument, fontkit, docx };
