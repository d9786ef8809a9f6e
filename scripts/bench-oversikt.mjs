// Benchmark for fsstöd översikt, called by `npm run bench` (scripts/bench.mjs) as benchOversikt(ctx).
// The whole country: the 290 project files of bench-check.mjs, timed as `check` and as
// `översikt` (CSV, HTML, PDF, DOCX, and the default docx,pdf,csv) on the same files. The runs are interleaved (check, then each
// översikt, round after round), so that a change in the machine's load hits all alike; the
// goal is översikt ≤ 2× check, each round's ratio, median over the rounds. With /usr/bin/time, each
// command's CPU time too (all its threads), against check's.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateKommuner } from './bench-check.mjs';

const TIME = '/usr/bin/time';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

export async function benchOversikt({ fsstod, root, example, rounds = 5 }) {
  const dir = mkdtempSync(join(tmpdir(), 'fsstod-bench-oversikt-'));
  try {
    const files = generateKommuner(root, example, dir);
    const out = join(dir, 'ut');
    const cmds = [
      ['check', fsstod('check', '*.yaml')],
      ['översikt --format csv', fsstod('översikt', '.', '--format', 'csv', '--ut', out)],
      ['översikt --format html', fsstod('översikt', '.', '--format', 'html', '--ut', out)],
      ['översikt --format pdf', fsstod('översikt', '.', '--format', 'pdf', '--ut', out)],
      ['översikt --format docx', fsstod('översikt', '.', '--format', 'docx', '--ut', out)],
      ['översikt (standard: docx,pdf,csv)', fsstod('översikt', '.', '--ut', out)],
    ];
    const times = new Map(cmds.map(([n]) => [n, []]));
    // CPU time (user + system, all threads) through /usr/bin/time where there is one: when the
    // machine's cores are busy with other work, the översikt's second thread no longer runs beside
    // the first, and the wall-time ratio tends to this one.
    const cpu = existsSync(TIME) ? new Map(cmds.map(([n]) => [n, []])) : undefined;
    const cpuFile = join(dir, 'cpu.txt');
    const before = loadavg()[0];
    for (let r = 0; r < rounds + 1; r++) {
      for (const [n, [cmd, args]] of cmds) {
        const t0 = process.hrtime.bigint();
        const p = cpu ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, cmd, ...args], { cwd: dir, stdio: 'ignore' }) : spawnSync(cmd, args, { cwd: dir, stdio: 'ignore' });
        if (p.error) throw p.error;
        if (n !== 'check' && p.status !== 0) throw new Error(`${n} gav exitkod ${p.status}`);
        if (r === 0) continue; // the first round warms up
        times.get(n).push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (cpu) cpu.get(n).push(readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).reduce((a, x) => a + Number(x) * 1000, 0));
      }
    }
    const check = median(times.get('check'));
    const rows = [{ namn: `check, ${files.length} filer`, ms: check, ratio: 1, mot: 'check' }];
    // The ratio is the median of each round's own ratio (check and översikt timed side by side):
    // a round when the machine was slower (another guest on the host) counts as one round.
    const checks = times.get('check');
    for (const [n] of cmds.slice(1)) rows.push({ namn: `${n}, ${files.length} filer (hela landet)`, ms: median(times.get(n)), ratio: median(times.get(n).map((t, r) => t / checks[r])), mot: 'check i samma omgång, samma filer (mål ≤ 2×)' });
    if (cpu) {
      const c = cpu.get('check');
      for (const [n] of cmds) rows.push({ namn: `CPU-tid (alla trådar): ${n === 'check' ? `check, ${files.length} filer` : n}`, ms: median(cpu.get(n)), ratio: median(cpu.get(n).map((t, r) => t / c[r])), mot: 'checks CPU-tid i samma omgång' });
    }
    rows.push({ namn: `maskinens belastning (load average, ${availableParallelism()} kärnor)`, mot: `${before.toFixed(1)} före, ${loadavg()[0].toFixed(1)} efter; ${rounds} varvade omgångar, median` });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: node scripts/bench-oversikt.mjs [omgångar]
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  const fsstod = (...args) => [process.execPath, [join(root, 'bin', 'fsstod.js'), ...args]];
  const rows = await benchOversikt({ fsstod, root, example: join(root, 'examples', 'lindesberg', 'projekt.yaml'), rounds: Number(process.argv[2] ?? 5) });
  for (const r of rows) console.log(`${r.namn.padEnd(50)} ${r.ms !== undefined ? r.ms.toFixed(0).padStart(7) + ' ms' : ''} ${r.ratio !== undefined ? r.ratio.toFixed(2) + '×' : ''} ${r.mot ?? ''}`);
}
