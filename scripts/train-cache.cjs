'use strict';
// Called by scripts/build.mjs as `train-cache.cjs hjälp|kort|full`: runs commands once in this
// process, on the bundled examples, and writes what V8 compiled of dist/cli.cjs to that cache (see
// bin/load-cli.cjs): "hjälp" help only, "kort" the short commands, "full" render too. Output goes nowhere; only the
// compiled code is kept.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadCli, cacheData, CACHES } = require('../bin/load-cli.cjs');

const kind = ['hjälp', 'full'].includes(process.argv[2]) ? process.argv[2] : 'kort';
const CACHE = CACHES[kind];

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples', 'lindesberg', 'projekt.yaml');
const early = path.join(root, 'examples', 'hjo-tidaholm', 'projekt.yaml');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fsstod-cache-'));
const quiet = { out() {}, err() {}, color: false, stdoutIsTTY: false, stdinIsTTY: false, env: { ...process.env, NO_COLOR: '1' } };

(async () => {
  fs.rmSync(CACHE, { force: true });
  const cli = loadCli(null);
  const runs = kind === 'hjälp' ? [['--help'], ['--version'], ['help', 'check']] : [
    ['--help'],
    ['validate', example],
    ['validate', early],
    ['status', example, early],
    ['check', example],
    ['check', early, '--format', 'json'],
  ];
  if (kind === 'full') runs.push(['render', 'handlingsplan', example, '--format', 'docx,pdf,html', '--ut', out]);
  try {
    for (const args of runs) await cli.main(['node', 'fsstod', ...args], quiet);
    fs.writeFileSync(CACHE, cacheData());
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
})().catch((e) => {
  process.stderr.write(String(e && e.message) + '\n');
  process.exitCode = 1;
});
