// Saving one answer in the interview, on a large project file (500 insatser, 200 aktörer,
// built from the example): check against the schema and references, splice the changed lines
// into the text, verify, write atomically. This is the time from Enter to the next question.
// `npm run bench` calls benchSave(); `node scripts/bench-save.mjs` prints the rows.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const defaultRoot = join(here, '..');

/**
 * The example with 500 insatser and 200 aktörer, like bench-large.mjs's makeLarge, but written
 * through the example's own Document: its comments and folded paragraphs stay, and repeated
 * values are written out (no YAML anchors), as in a file people keep by hand.
 */
export function makeLargeHandwritten(example, dir, { insatser = 500, aktörer = 200 } = {}) {
  const doc = parseDocument(readFileSync(example, 'utf8'));
  const p = doc.toJS();
  const baseA = p.organisation?.aktörer ?? [];
  const A = Array.from({ length: aktörer }, (_, i) => ({ ...structuredClone(baseA[i % baseA.length]), id: `AK${i + 1}`, namn: `${baseA[i % baseA.length]?.namn ?? 'Aktör'} ${i + 1}` }));
  const baseI = p.handlingsplan?.insatser ?? [];
  const I = Array.from({ length: insatser }, (_, i) => ({ ...structuredClone(baseI[i % baseI.length]), id: `I${i + 1}`, namn: `${baseI[i % baseI.length]?.namn ?? 'Insats'} ${i + 1}`, ansvariga: [`AK${(i % aktörer) + 1}`] }));
  const opts = { aliasDuplicateObjects: false };
  doc.setIn(['organisation', 'aktörer'], doc.createNode(A, opts));
  doc.setIn(['handlingsplan', 'insatser'], doc.createNode(I, opts));
  // A plan being revised: a decided plan refuses changes under handlingsplan (by design).
  if (p.beslut?.handlingsplan) doc.setIn(['beslut', 'handlingsplan', 'status'], 'utkast');
  if (p.uppföljning) doc.setIn(['uppföljning', 'insatser'], doc.createNode(I.map((x, i) => ({ insats: x.id, status: ['genomförd', 'pågår', 'försenad'][i % 3] })), opts));
  const file = join(dir, 'stor.yaml');
  writeFileSync(file, doc.toString());
  return file;
}

/** Bundles the modules the interview saves with (TypeScript sources) into one ES module. */
async function loadModules(root) {
  const out = join(root, 'dist', `.bench-save-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: [
        "export { loadProject } from './src/project/load.ts';",
        "export { saveProject } from './src/project/save.ts';",
        "export { validateProject } from './src/project/validate.ts';",
        "export { Session } from './src/interview/session.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'error',
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(out, { force: true });
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchSave({ root = defaultRoot, example = join(defaultRoot, 'examples', 'lindesberg', 'projekt.yaml'), runs = 21 } = {}) {
  const m = await loadModules(root);
  const dir = mkdtempSync(join(tmpdir(), 'fsstod-bench-save-'));
  try {
    const file = makeLargeHandwritten(example, dir);
    const rows = [];

    // Once per interview: read, build the Document (comments, positions), baseline check.
    const t0 = performance.now();
    const p = m.loadProject(file);
    void p.doc;
    const session = new m.Session(p);
    rows.push({ namn: 'intervjun startar: läsa, Document, första kontrollen (en gång)', ms: performance.now() - t0 });
    const kb = (p.text.length / 1024).toFixed(0);

    const time = (namn, edit) => {
      const ts = [];
      for (let i = 0; i < runs; i++) {
        const a = performance.now();
        edit(i);
        ts.push(performance.now() - a);
      }
      rows.push({ namn: `${namn} (${kb} kB, 500 insatser)`, ms: median(ts) });
    };
    time('ett textsvar mitt i filen: kontroll + sparning', (i) => session.set(['handlingsplan', 'insatser', 250, 'beskrivning'], `Ändrad beskrivning nummer ${i} – åäö`));
    time('ett val (preventionsnivå)', (i) => session.set(['handlingsplan', 'insatser', 400, 'nivå'], ['universell', 'selektiv', 'indikerad'][i % 3]));
    time('ett checklistsvar i slutet av filen', (i) => session.set(['checklistor', 'steg6', 'c1', 'status'], i % 2 ? 'ja' : 'delvis'));
    time('ett textsvar först i filen', (i) => session.set(['förankring', 'skiss'], `Skiss ${i}: ${'lång text '.repeat(12)}`));
    let n = p.data.organisation.arenor.length;
    time('lägga till en arena', () => session.set(['organisation', 'arenor', n++], { id: `AR${n + 100}`, namn: `Ny arena ${n}` }));
    rows.push({ namn: `  sparningar som fick skriva om hela filen: ${session.stats.whole} av ${session.stats.saves}`, ms: undefined });

    // For comparison: the same answer saved by serialising the whole Document.
    const q = m.loadProject(file);
    void q.doc;
    const ts = [];
    for (let i = 0; i < Math.min(runs, 9); i++) {
      const a = performance.now();
      q.doc.setIn(['handlingsplan', 'insatser', 250, 'beskrivning'], `Helt dokument ${i}`);
      m.validateProject(q);
      m.saveProject(q);
      ts.push(performance.now() - a);
    }
    rows.push({ namn: `jämförelse: hela Document serialiseras vid varje svar (${kb} kB)`, ms: median(ts) });
    // Every row above is a median of its runs; the file must still be valid afterwards.
    const problems = m.validateProject(m.loadProject(file));
    if (problems.length) throw new Error(`filen blev ogiltig: ${problems[0].message}`);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync(join(defaultRoot, 'dist'))) throw new Error('kör npm run build först');
  for (const r of await benchSave()) console.log(`${r.namn.padEnd(80)} ${r.ms === undefined ? '' : r.ms.toFixed(1).padStart(8)}`);
}
