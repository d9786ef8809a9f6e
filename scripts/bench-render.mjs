// render: the example's handlingsplan to DOCX against pandoc converting the same Markdown to
// DOCX, and all three documents in all formats with time and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function measure(cmd, args, cwd, runs = 5) {
  const times = [];
  let rss;
  for (let i = 0; i < runs; i++) {
    const useTime = existsSync('/usr/bin/time');
    const t0 = process.hrtime.bigint();
    const r = useTime ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, encoding: 'utf8' }) : spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    if (useTime) rss = Math.max(rss ?? 0, Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], peakRssMB: rss };
}

export async function benchRender({ root, example, base }) {
  const dir = mkdtempSync(join(tmpdir(), 'fsstod-bench-render-'));
  const bin = join(root, 'bin', 'fsstod.js');
  const rows = [];
  const ours = measure(process.execPath, [bin, 'render', 'handlingsplan', example, '--format', 'docx', '--ut', join(dir, 'ut')], dir);
  rows.push({ namn: 'handlingsplan → DOCX (fsstöd, hela kommandot)', ...ours, ratio: ours.ms / base, mot: 'node -e 0' });
  if (spawnSync('sh', ['-c', 'command -v pandoc']).status === 0) {
    // The same Markdown our template produced, converted by pandoc.
    const mdFile = join(dir, 'handlingsplan.md');
    const md2 = spawnSync(process.execPath, [join(root, 'scripts', 'markdown-of.mjs'), example, 'handlingsplan'], { encoding: 'utf8' });
    if (md2.status !== 0) throw new Error(md2.stderr);
    writeFileSync(mdFile, md2.stdout);
    const pandoc = measure('pandoc', ['-f', 'gfm', '-t', 'docx', '-o', join(dir, 'pandoc.docx'), mdFile], dir);
    rows.push({ namn: 'samma Markdown → DOCX (pandoc)', ...pandoc, ratio: pandoc.ms / base, mot: 'node -e 0' });
    rows.push({ namn: 'kvot fsstöd / pandoc (mål ≤ 1,5)', ms: ours.ms, ratio: ours.ms / pandoc.ms, mot: 'pandoc' });
  }
  const all = measure(process.execPath, [bin, 'render', 'alla', example, '--format', 'docx,pdf,html', '--ut', join(dir, 'ut2')], dir, 3);
  rows.push({ namn: 'alla tre dokumenten i DOCX, PDF och HTML', ...all, ratio: all.ms / base, mot: 'node -e 0' });
  for (const f of ['docx', 'pdf', 'html']) {
    const one = measure(process.execPath, [bin, 'render', 'alla', example, '--format', f, '--ut', join(dir, 'ut-' + f)], dir, 3);
    rows.push({ namn: `alla tre dokumenten, bara ${f}`, ...one, ratio: one.ms / base, mot: 'node -e 0' });
  }
  return rows;
}
