'use strict';
// Loads dist/cli.cjs (the whole CLI in one CommonJS bundle) with the V8 code cache that the build
// made beside it, so that a short command does not spend its time parsing and compiling the
// bundle: Node 20 has no compile cache of its own (module.enableCompileCache came in Node 22).
// A missing cache, or one that another Node version rejects, only costs that compilation.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.cjs');
// One cache per kind of command, all of the same bundle: V8 reads a whole cache before running
// anything, so each command gets one made from running just it (help; validate; status; check),
// and the document and interview commands one made from running render and the others.
const CACHES = {
  hjälp: BUNDLE + '.hjalp.cache',
  validate: BUNDLE + '.validate.cache',
  status: BUNDLE + '.status.cache',
  check: BUNDLE + '.check.cache',
  full: BUNDLE + '.full.cache',
};

// The commands that write documents or answers (src/cli.ts, with their aliases).
const FULL = new Set(['render', 'step', 'steg', 'init', 'visa', 'migrera', 'nyckeltal', 'översikt', 'oversikt']);

/** Which cache suits these arguments (the first one that is not a flag names the command). */
function cacheFor(argv, env = process.env) {
  if (env.FSSTOD_KODCACHE === '0') return null; // to measure what the cache saves (npm run bench)
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  if (command === 'validate' || command === 'status' || command === 'check') return CACHES[command];
  if (FULL.has(command)) return CACHES.full;
  return CACHES.hjälp; // help, the version, a mistyped command
}

let script;
let cacheTaken = false;

/** The bundle's exports ({ main, checkWorker }); throws ENOENT when the CLI is not built. */
function loadCli(cache = cacheFor(process.argv)) {
  // The build writes the bundle in ASCII only (scripts/build.mjs), so latin1 reads it exactly.
  const source = fs.readFileSync(BUNDLE, 'latin1');
  let cachedData;
  try {
    // V8 checks a cache against the source's length only: one older than the bundle is not used.
    if (cache && fs.statSync(cache).mtimeMs >= fs.statSync(BUNDLE).mtimeMs) cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  cacheTaken = cachedData !== undefined && script.cachedDataRejected === false;
  const mod = new Module(BUNDLE, module);
  mod.filename = BUNDLE;
  mod.paths = Module._nodeModulePaths(path.dirname(BUNDLE));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, path.dirname(BUNDLE));
  mod.loaded = true;
  return mod.exports;
}

/** What V8 has compiled of the bundle so far (for the build's cache). */
function cacheData() {
  return script.createCachedData();
}

/** Whether V8 took the cache (for the benchmark and the tests). */
function cacheUsed() {
  return cacheTaken;
}

module.exports = { loadCli, cacheData, cacheUsed, cacheFor, BUNDLE, CACHES };
