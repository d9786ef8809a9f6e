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

// The document libraries (pdfkit, fontkit, docx), bundled apart (scripts/build.mjs): loaded by
// the CLI's bundle the first time a document is written, with the cache the build made from
// rendering the example.
const LIBS = path.join(__dirname, '..', 'dist', 'libs.cjs');
const LIBS_CACHE = LIBS + '.cache';

/** A bundle of the build run as a CommonJS module with a code cache: its script, exports and whether V8 took the cache. */
function run(file, cache) {
  // The build writes the bundles in ASCII only (scripts/build.mjs), so latin1 reads them exactly.
  const source = fs.readFileSync(file, 'latin1');
  let cachedData;
  try {
    // V8 checks a cache against the source's length only: one older than the bundle is not used.
    if (cache && fs.statSync(cache).mtimeMs >= fs.statSync(file).mtimeMs) cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const s = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  s.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { script: s, exports: mod.exports, taken: cachedData !== undefined && s.cachedDataRejected === false };
}

let cli;
let libs;

/** The bundle's exports ({ main, checkWorker }); throws ENOENT when the CLI is not built. */
function loadCli(cache = cacheFor(process.argv)) {
  cli = run(BUNDLE, cache);
  return cli.exports;
}

/** The document libraries ({ PDFDocument, fontkit, docx }), loaded once. */
function loadLibs() {
  libs ??= run(LIBS, process.env.FSSTOD_KODCACHE === '0' ? null : LIBS_CACHE);
  return libs.exports;
}

/** What V8 has compiled of the bundle so far (for the build's cache). */
function cacheData() {
  return cli.script.createCachedData();
}

/** The same for the document libraries, or undefined when they were not loaded. */
function libsCacheData() {
  return libs?.script.createCachedData();
}

/** Whether V8 took the cache (for the benchmark and the tests); `which`: the CLI's or the libraries'. */
function cacheUsed(which = 'cli') {
  return Boolean((which === 'libs' ? libs : cli)?.taken);
}

module.exports = { loadCli, loadLibs, cacheData, libsCacheData, cacheUsed, cacheFor, BUNDLE, CACHES, LIBS_CACHE };
