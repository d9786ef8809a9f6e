// npm run bench: times whole commands against `node -e 0` (and against peers in the
// per-area benchmark modules), prints ratios, and writes docs/benchmarks.md.
// Benchmarks are measurements, not tests: nothing here fails a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the sessions' notes begin in docs/benchmarks.md: the bench writes the tables above it. */
export const NOTES_MARKER = '<!-- Passens anteckningar: npm run bench skriver bara om tabellerna ovanför den här raden. -->';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'fsstod.js');
const EXAMPLE = join(root, 'examples', 'lindesberg', 'projekt.yaml');

/** Median wall time (ms) of a command over `runs` runs after `warmup` runs. */
export function timeCommand(cmd, args, { runs = 15, warmup = 3, cwd = root } = {}) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error) throw r.error;
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * docs/benchmarks.md anew: the new tables, then the sessions' notes from the old file (the marker
 * and all below it). A file without the marker (someone removed it) is kept whole below a new one:
 * notes are never dropped.
 */
export function withNotes(tables, old) {
  const at = old.indexOf(NOTES_MARKER);
  return `${tables}\n${at >= 0 ? old.slice(at) : `${NOTES_MARKER}\n${old ? `\n${old}` : ''}`}`;
}

export const fsstod = (...args) => [process.execPath, [BIN, ...args]];

async function main() {
  if (!existsSync(join(root, 'dist', 'cli.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const sections = [];
  const base = timeCommand(process.execPath, ['-e', '0']);
  const rows = [{ namn: 'node -e 0', ms: base, ratio: 1 }];
  const add = (namn, [cmd, args], extra = {}) => {
    const ms = timeCommand(cmd, args, extra);
    rows.push({ namn, ms, ratio: ms / base });
  };
  add('fsstöd --help', fsstod('--help'));
  add('fsstöd --version', fsstod('--version'));
  add('fsstöd validate (exemplet)', fsstod('validate', EXAMPLE));
  add('fsstöd status (exemplet)', fsstod('status', EXAMPLE));
  // The same without the V8 code caches the build makes (bin/load-cli.cjs), to show what they save.
  process.env.FSSTOD_KODCACHE = '0';
  try {
    add('fsstöd --help, utan kodcache', fsstod('--help'));
    add('fsstöd validate (exemplet), utan kodcache', fsstod('validate', EXAMPLE));
  } finally {
    delete process.env.FSSTOD_KODCACHE;
  }
  sections.push({ titel: 'Start och grundkommandon (median, ms; kvot mot node -e 0)', rows, mål: '--help ≤ ~1,3×, validate ≤ ~1,6×' });

  for (const [file, fn, titel] of [
    ['bench-check.mjs', 'benchCheck', 'check'],
    ['bench-save.mjs', 'benchSave', 'Spara ett svar (intervjun)'],
    ['bench-render.mjs', 'benchRender', 'render'],
    ['bench-large.mjs', 'benchLarge', 'Stor projektfil genom alla kommandon'],
    ['bench-oversikt.mjs', 'benchOversikt', 'översikt, hela landet (290 filer) mot check'],
  ]) {
    const path = join(root, 'scripts', file);
    if (!existsSync(path)) continue;
    try {
      const mod = await import(pathToFileURL(path).href);
      const out = await mod[fn]({ base, timeCommand, fsstod, root, example: EXAMPLE });
      sections.push({ titel, rows: out });
    } catch (e) {
      sections.push({ titel, rows: [], fel: String(e && e.message || e) });
    }
  }

  const fmt = (n, d = 1) => (n === undefined || n === null ? '' : Number(n).toFixed(d));
  let md = `# Prestandamätningar\n\nUppmätt ${new Date().toISOString().slice(0, 10)} med \`npm run bench\` på ${cpus()[0]?.model ?? 'okänd processor'} (${cpus().length} kärnor, ${Math.round(totalmem() / 2 ** 30)} GiB), ${platform()} ${release()}, Node ${process.version}.\nTider är medianen av flera körningar av hela kommandon (inklusive Node-start).\n`;
  for (const s of sections) {
    console.log(`\n== ${s.titel} ==`);
    md += `\n## ${s.titel}\n\n`;
    if (s.mål) md += `Mål: ${s.mål}.\n\n`;
    if (s.fel) { console.log(`  fel: ${s.fel}`); md += `Kunde inte mätas: ${s.fel}\n`; continue; }
    md += '| Mätning | ms | kvot | topp-RSS (MB) | jämfört med |\n|---|---:|---:|---:|---|\n';
    for (const r of s.rows) {
      console.log(`  ${r.namn.padEnd(58)} ${fmt(r.ms).padStart(9)} ms  ${r.ratio !== undefined ? fmt(r.ratio, 2) + '×' : ''}${r.peakRssMB ? `  ${fmt(r.peakRssMB, 0)} MB` : ''}${r.mot ? `  (mot ${r.mot})` : ''}`);
      md += `| ${r.namn} | ${fmt(r.ms)} | ${r.ratio !== undefined ? fmt(r.ratio, 2) + '×' : ''} | ${r.peakRssMB ? fmt(r.peakRssMB, 0) : ''} | ${r.mot ?? ''} |\n`;
    }
  }
  mkdirSync(join(root, 'docs'), { recursive: true });
  const file = join(root, 'docs', 'benchmarks.md');
  writeFileSync(file, withNotes(md, existsSync(file) ? readFileSync(file, 'utf8') : ''));
  console.log('\nskrev docs/benchmarks.md');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
