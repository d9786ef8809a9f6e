// Benchmark for fsstöd check, called by `npm run bench` (scripts/bench.mjs) as benchCheck(ctx).
// Generates the project files of all 290 kommuner from the example (each with its own kommun
// code and name from data/kommuner.csv) in a temporary folder and times whole commands:
//   - check of 1 file against `node -e 0` (what starting Node costs),
//   - check of 290 files against check of 1 file, and the time beyond starting Node,
//   - check of 1 file against ajv-cli validating the same file (as JSON) against the schema.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import jsyaml from 'js-yaml';

/** Writes one project file per kommun into dir; returns the file names. */
export function generateKommuner(root, example, dir) {
  const text = readFileSync(example, 'utf8');
  const lan = new Map(readFileSync(join(root, 'data', 'lan.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')).map(([k, n]) => [k, n]));
  const rows = readFileSync(join(root, 'data', 'kommuner.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const files = [];
  for (const [kod, namn, länskod] of rows) {
    const own = text
      .replace(/kod: "1885"/, `kod: "${kod}"`)
      .replace(/länskod: "18"/, `länskod: "${länskod}"`)
      .replace(/län: Örebro län/, `län: ${lan.get(länskod) ?? 'okänt län'}`)
      .replace(/Lindesberg/g, namn);
    const f = `${kod}.yaml`;
    writeFileSync(join(dir, f), own);
    files.push(f);
  }
  return files;
}

export async function benchCheck({ base, timeCommand, fsstod, root, example }) {
  const dir = mkdtempSync(join(tmpdir(), 'fsstod-bench-check-'));
  try {
    const files = generateKommuner(root, example, dir);
    // The same example as JSON, for ajv-cli.
    const json = join(dir, 'projekt.json');
    writeFileSync(json, JSON.stringify(jsyaml.load(readFileSync(example, 'utf8'), { schema: jsyaml.CORE_SCHEMA })));
    // Sanity: the generated files are checked like the example (no file errors).
    const probe = spawnSync(process.execPath, [join(root, 'bin', 'fsstod.js'), 'check', '*.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const summary = JSON.parse(probe.stdout).sammanfattning;
    if (summary.filer !== files.length || summary.oläsbara) throw new Error(`genererade filer kunde inte kontrolleras: ${JSON.stringify(summary)}`);

    const rows = [];
    const before = loadavg()[0];
    const one = timeCommand(...fsstod('check', files[0]), { cwd: dir });
    rows.push({ namn: 'check, 1 fil', ms: one, ratio: one / base, mot: 'node -e 0' });
    const oneFor = timeCommand(...fsstod('check', '--for', 'handlingsplan', files[0]), { cwd: dir });
    rows.push({ namn: 'check --for handlingsplan, 1 fil', ms: oneFor, ratio: oneFor / base, mot: 'node -e 0' });
    const all = timeCommand(...fsstod('check', '*.yaml'), { cwd: dir, runs: 7, warmup: 1 });
    rows.push({ namn: `check, ${files.length} filer (alla kommuner)`, ms: all, ratio: all / one, mot: 'check, 1 fil' });
    rows.push({ namn: `check, ${files.length} filer: tid utöver Node-start`, ms: all - base, mot: 'mål: väl under 1000 ms' });
    // The same with worker threads forced on (by default they start only on idle cores).
    const saved = process.env.FSSTOD_TRADAR;
    const threads = Math.max(1, Math.min(availableParallelism() - 1, 3));
    process.env.FSSTOD_TRADAR = String(threads);
    try {
      const par = timeCommand(...fsstod('check', '*.yaml'), { cwd: dir, runs: 7, warmup: 1 });
      rows.push({ namn: `check, ${files.length} filer, ${threads} arbetstråd${threads > 1 ? 'ar' : ''} utöver huvudtråden (FSSTOD_TRADAR=${threads})`, ms: par, ratio: par / all, mot: `check, ${files.length} filer (en tråd)` });
    } finally {
      if (saved === undefined) delete process.env.FSSTOD_TRADAR; else process.env.FSSTOD_TRADAR = saved;
    }
    const allJson = timeCommand(...fsstod('check', '*.yaml', '--format', 'json'), { cwd: dir, runs: 7, warmup: 1 });
    rows.push({ namn: `check --format json, ${files.length} filer`, ms: allJson, ratio: allJson / one, mot: 'check, 1 fil' });
    const ajvBin = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
    const ajvArgs = ['validate', '-s', join(root, 'schemas', 'projekt.schema.json'), '-d', json, '--spec=draft2020', '-c', 'ajv-formats'];
    const ajv = timeCommand(process.execPath, [ajvBin, ...ajvArgs], { cwd: root });
    rows.push({ namn: 'ajv-cli validate (samma fil som JSON, bara schemat)', ms: ajv, ratio: ajv / base, mot: 'node -e 0' });
    rows.push({ namn: 'check, 1 fil, mot ajv-cli', ms: one, ratio: one / ajv, mot: 'ajv-cli validate' });
    const npx = timeCommand('npx', ['--no-install', 'ajv-cli', ...ajvArgs], { cwd: root, runs: 5, warmup: 1 });
    rows.push({ namn: 'npx ajv-cli validate (samma, via npx)', ms: npx, ratio: one / npx, mot: 'kvot: check 1 fil / npx ajv-cli' });
    rows.push({ namn: `maskinens belastning under mätningen (load average, ${availableParallelism()} kärnor)`, mot: `${before.toFixed(1)} före, ${loadavg()[0].toFixed(1)} efter; trådar i check: en per ledig kärna` });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
