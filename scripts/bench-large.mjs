// A large project file (500 insatser, 200 aktörer, built from the example) through every
// command that reads it: wall time and peak memory, so that cost growth is visible.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Builds the large project from the example and returns its path. */
export function makeLarge(example, dir, { insatser = 500, aktörer = 200 } = {}) {
  const p = parse(readFileSync(example, 'utf8'));
  const org = (p.organisation ??= {});
  const baseA = org.aktörer ?? [];
  org.aktörer = Array.from({ length: aktörer }, (_, i) => ({ ...baseA[i % baseA.length], id: `AK${i + 1}`, namn: `${baseA[i % baseA.length]?.namn ?? 'Aktör'} ${i + 1}` }));
  const plan = (p.handlingsplan ??= {});
  const baseI = plan.insatser ?? [];
  plan.insatser = Array.from({ length: insatser }, (_, i) => ({ ...baseI[i % baseI.length], id: `I${i + 1}`, namn: `${baseI[i % baseI.length]?.namn ?? 'Insats'} ${i + 1}`, ansvariga: [`AK${(i % aktörer) + 1}`] }));
  for (const f of plan.förutsättningar ?? []) f.insatser = (f.insatser ?? []).filter((id) => Number(id.slice(1)) <= insatser);
  if (p.uppföljning) p.uppföljning.insatser = plan.insatser.map((x, i) => ({ insats: x.id, status: ['genomförd', 'pågår', 'försenad'][i % 3] }));
  const file = join(dir, 'stor.yaml');
  // No anchors: a person's file has none, and anchors send the loader down its careful path.
  writeFileSync(file, stringify(p, { lineWidth: 0, aliasDuplicateObjects: false }));
  return file;
}

/** Wall time (ms) and peak RSS (MB) of one run, via GNU time when present. */
function measure(args, cwd) {
  const hasTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = hasTime ? Number((r.stderr.trim().split('\n').pop() ?? '').trim()) : NaN;
  return { ms, peakRssMB: Number.isFinite(kb) ? kb / 1024 : undefined, code: r.status };
}

export async function benchLarge({ base, root, example }) {
  const dir = mkdtempSync(join(tmpdir(), 'fsstod-bench-large-'));
  const file = makeLarge(example, dir);
  const size = readFileSync(file).length;
  const bin = join(root, 'bin', 'fsstod.js');
  writeFileSync(join(dir, 'svar.yaml'), 'förankring:\n  motivering: Mätning av sparning i en stor fil\n');
  const runs = [
    ['validate', [bin, 'validate', file]],
    ['status', [bin, 'status', file]],
    ['check', [bin, 'check', file, '--format', 'json']],
    ['render handlingsplan (docx,pdf,html)', [bin, 'render', 'handlingsplan', file, '--format', 'docx,pdf,html', '--ut', join(dir, 'ut')]],
    ['step 1 --svar (ett svar sparas)', [bin, 'step', '1', file, '--svar', join(dir, 'svar.yaml')]],
  ];
  const rows = [];
  for (const [namn, args] of runs) {
    const best = [measure(args, dir), measure(args, dir), measure(args, dir)].sort((a, b) => a.ms - b.ms)[1];
    rows.push({ namn: `${namn}, ${(size / 1024).toFixed(0)} kB fil`, ms: best.ms, ratio: best.ms / base, peakRssMB: best.peakRssMB, mot: best.code > 1 ? `avslutades med ${best.code}` : 'node -e 0' });
  }
  return rows;
}
