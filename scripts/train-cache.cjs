'use strict';
// Called by scripts/build.mjs as `train-cache.cjs <cache>`: runs that cache's commands once in
// this process, on the bundled examples, and writes what V8 compiled of dist/cli.cjs to the
// cache, and for the full one what it compiled of dist/libs.cjs to that bundle's own cache (see
// bin/load-cli.cjs). Output goes nowhere; only the compiled code is kept.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadCli, cacheData, libsCacheData, CACHES, LIBS_CACHE } = require('../bin/load-cli.cjs');

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples', 'lindesberg', 'projekt.yaml');
const early = path.join(root, 'examples', 'hjo-tidaholm', 'projekt.yaml');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fsstod-cache-'));
// The interview saving answers from a file (as in CI), on a copy of the early example.
const copy = path.join(out, 'projekt.yaml');
const svar = path.join(out, 'svar.yaml');
const quiet = { out() {}, err() {}, color: false, stdoutIsTTY: false, stdinIsTTY: false, env: { ...process.env, NO_COLOR: '1' } };

/** What each cache is made from: the commands it serves, run the way people run them. */
const RUNS = {
  hjälp: [['--help'], ['--version'], ['help', 'check']],
  validate: [['validate', example], ['validate', early]],
  status: [['status', example], ['status', example, early]],
  check: [['check', example], ['check', early, '--format', 'json']],
  full: [['validate', example], ['status', example], ['check', example], ['render', 'handlingsplan', example, '--format', 'docx,pdf,html', '--ut', out],
    ['step', '3', copy, '--svar', svar]],
};

const kind = process.argv[2];
(async () => {
  if (!RUNS[kind] || !CACHES[kind]) throw new Error(`okänd cache: ${kind}`);
  fs.rmSync(CACHES[kind], { force: true });
  fs.copyFileSync(early, copy);
  fs.writeFileSync(svar, 'analys:\n  målgruppsanalys:\n    demografi: Träning av kodcachen.\n');
  const cli = loadCli(null);
  try {
    for (const args of RUNS[kind]) await cli.main(['node', 'fsstod', ...args], quiet);
    fs.writeFileSync(CACHES[kind], cacheData());
    // The document libraries' cache comes with the full one (its render loads them).
    if (kind === 'full') fs.writeFileSync(LIBS_CACHE, libsCacheData());
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
})().catch((e) => {
  process.stderr.write(String(e && e.message) + '\n');
  process.exitCode = 1;
});
