// A decided plan is never silently rewritten (issue 6): changes under handlingsplan are refused
// while beslut.handlingsplan.status is beslutad, unless the same answers take it back to utkast/remiss.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decidedPlanProblems } from '../../src/interview/session.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const decided = { beslut: { handlingsplan: { status: 'beslutad', organ: 'Kommunfullmäktige', datum: '2025-03-24', diarienummer: 'KS 2025/123' } }, handlingsplan: { koppling: 'A' } };

describe('decidedPlanProblems', () => {
  const cases: { name: string; before: unknown; after: unknown; edits: { path: (string | number)[]; value: unknown }[]; refused: boolean }[] = [
    { name: 'a change under handlingsplan of a decided plan', before: decided, after: { ...decided, handlingsplan: { koppling: 'B' } }, edits: [{ path: ['handlingsplan', 'koppling'], value: 'B' }], refused: true },
    { name: 'the same value again (Enter keeps it)', before: decided, after: decided, edits: [{ path: ['handlingsplan', 'koppling'], value: 'A' }], refused: false },
    { name: 'together with status back to remiss', before: decided, after: { beslut: { handlingsplan: { status: 'remiss' } }, handlingsplan: { koppling: 'B' } }, edits: [{ path: ['handlingsplan', 'koppling'], value: 'B' }, { path: ['beslut', 'handlingsplan', 'status'], value: 'remiss' }], refused: false },
    { name: 'a plan that is only a draft', before: { beslut: { handlingsplan: { status: 'utkast' } } }, after: {}, edits: [{ path: ['handlingsplan', 'koppling'], value: 'B' }], refused: false },
    { name: 'another step of a decided plan', before: decided, after: decided, edits: [{ path: ['genomförande', 'pilot'], value: 'x' }], refused: false },
  ];
  it.each(cases)('$name', (c) => {
    const ps = decidedPlanProblems(c.before, c.after, c.edits);
    expect(ps.length > 0).toBe(c.refused);
    if (c.refused) expect(ps[0]!.message).toMatch(/handlingsplanen är beslutad \(Kommunfullmäktige, 2025-03-24, KS 2025\/123\)/);
  });
});

describe('fsstöd step 4 --svar on a decided plan', () => {
  it('refuses a change with exit 2 and leaves the file as it was; accepts it with the status taken back', () => {
    const dir = tempDir();
    const f = join(dir, 'projekt.yaml');
    copyFileSync(join(ROOT, 'examples/lindesberg/projekt.yaml'), f);
    const before = readFileSync(f);
    writeFileSync(join(dir, 'ändra.yaml'), 'handlingsplan:\n  koppling: En ny koppling som ingen har beslutat om.\n');
    const r = runCli(['step', '4', 'projekt.yaml', '--svar', 'ändra.yaml'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(/ändra\.yaml:2:\d+: .*handlingsplanen är beslutad \(Kommunfullmäktige, 2025-03-24, KS 2025\/123\)/);
    expect(readFileSync(f).equals(before)).toBe(true);
    writeFileSync(join(dir, 'ändra2.yaml'), 'handlingsplan:\n  koppling: En ny koppling.\nbeslut:\n  handlingsplan:\n    status: remiss\n');
    const ok = runCli(['step', '4', 'projekt.yaml', '--svar', 'ändra2.yaml'], { cwd: dir });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(readFileSync(f, 'utf8')).toMatch(/koppling: En ny koppling\./);
  });
});
