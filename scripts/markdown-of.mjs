// Prints the Markdown that a document's template produces for a project file (for comparing
// with pandoc in the benchmark, and for inspecting a template by hand).
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [file, dokument = 'handlingsplan'] = process.argv.slice(2);
// Inside the package, so that its dependencies resolve.
const out = join(root, 'dist', `.markdown-of-${process.pid}.mjs`);
mkdirSync(join(root, 'dist'), { recursive: true });
await build({
  stdin: { contents: `
    export { loadProject } from './src/project/load.ts';
    export { loadMethod } from './src/content/load.ts';
    export { buildContext } from './src/render/context.ts';
    export { renderMarkdown } from './src/render/template.ts';`, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'error',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const m = await import(pathToFileURL(out).href);
rmSync(out);
const p = m.loadProject(file);
const ctx = m.buildContext(p.data, m.loadMethod(), dokument, new Date().toISOString().slice(0, 10));
process.stdout.write(m.renderMarkdown(dokument, ctx));
