// One judgement, asked by every command: these tests compare what the commands say about the same
// files, so that a second copy of a judgement (which sooner or later disagrees) is caught.
// (a) render --strikt refuses exactly when check --for reports errors, with the same messages;
// (b) status gives a file the same percentages alone as in the table of several files;
// (c) the interview's "all answered" agrees with check's moment-ifyllda and checklista-besvarad;
// (d) the coverage chart's empty cells are the gaps the täckning rule reports.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli.js';
import { loadProject } from '../../src/project/load.js';
import { checkLoaded } from '../../src/check/engine.js';
import { methodView } from '../../src/check/method.js';
import { RULES } from '../../src/check/rules/index.js';
import { loadMethod } from '../../src/content/load.js';
import { summary } from '../../src/interview/run.js';
import { buildContext } from '../../src/render/context.js';
import type { Project } from '../../src/project/types.js';
import { isGap } from '../../src/judge/coverage.js';

const LINDESBERG = join(ROOT, 'examples', 'lindesberg', 'projekt.yaml');
const HJO = join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml');
const dir = tempDir('fsstod-konsekvens-');

/** A copy of an example with some edits (yaml Document API, so the rest stays as it is). */
function variant(name: string, src: string, edit: (d: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(src, 'utf8'));
  edit(doc);
  const f = join(dir, `${name}.yaml`);
  writeFileSync(f, doc.toString());
  return f;
}

/** A fixture written into the test's folder. */
const written = (name: string, text: string): string => { const f = join(dir, name); writeFileSync(f, text); return f; };

const FILES: Record<string, string> = {
  lindesberg: LINDESBERG,
  hjo: HJO,
  // A checklist answered "delvis" with no next step: answered in the interview's eyes until now.
  utanÅtgärd: variant('utan-atgard', LINDESBERG, (d) => {
    d.setIn(['checklistor', 'steg4', 'c1', 'status'], 'delvis');
    d.deleteIn(['checklistor', 'steg4', 'c1', 'åtgärd']);
    d.setIn(['checklistor', 'steg1', 'c2', 'status'], 'nej');
    d.deleteIn(['checklistor', 'steg1', 'c2', 'åtgärd']);
  }),
  // A moment field emptied in the handlingsplan's and the lägesbild's moments.
  tomtFält: variant('tomt-falt', LINDESBERG, (d) => {
    d.deleteIn(['handlingsplan', 'koppling']);
    d.deleteIn(['analys', 'lägesbild', 'sammanfattning']);
  }),
  // Step 2's moments answered, its checklist not.
  utanChecklista: variant('utan-checklista', HJO, (d) => { d.deleteIn(['checklistor', 'steg2']); }),
  // The only mapped support is wound down by the plan.
  avvecklas: written('avvecklas.yaml', `formatversion: 1
projekt:
  namn: Test
  kommuner:
    - kod: "1885"
      namn: Lindesberg
analys:
  kartläggning:
    befintligt_stöd:
      - id: S1
        namn: Föräldrakvällar
        nivå: universell
        åldrar: { från: 13, till: 15 }
handlingsplan:
  insatser:
    - id: I1
      namn: Föräldrakvällar avvecklas
      åtgärd: avveckla
      befintligt_stöd: S1
      start: 2025-01-01
`),
  // v2: a plan for 0–17 years without graviditet, support of unstated level, a paused insats.
  omfattning: written('omfattning.yaml', `formatversion: 2
projekt:
  namn: Test
  kommuner:
    - kod: "1885"
      namn: Lindesberg
  omfattning:
    åldrar: { från: 0, till: 17 }
analys:
  kartläggning:
    befintligt_stöd:
      - id: S1
        namn: Öppen förskola
        nivå: ej angivet
        åldrar: { från: 0, till: 5 }
      - id: S2
        namn: Föräldramöten
        nivå: universell
        åldrar: { från: 6, till: 15 }
handlingsplan:
  insatser:
    - id: I1
      namn: Gruppstöd
      åtgärd: införa
      status: pausad
      nivå: selektiv
      åldrar: { från: 13, till: 17 }
      start: "2025"
`),
};

const DOKUMENT = ['lägesbild', 'handlingsplan', 'uppföljning'] as const;

async function checkErrors(file: string, dokument: string): Promise<string[]> {
  const r = await runCliAsync(['check', file, '--for', dokument, '--format', 'json']);
  const report = JSON.parse(r.stdout);
  return report.filer.flatMap((f: any) => f.fynd).filter((x: any) => x.nivå === 'error').map((x: any) => x.meddelande as string);
}

describe('(a) render --strikt refuses exactly what check --for reports as errors', () => {
  for (const [name, file] of Object.entries(FILES)) {
    for (const d of DOKUMENT) {
      it(`${name}: ${d}`, async () => {
        const errors = await checkErrors(file, d);
        const out = tempDir('fsstod-strikt-');
        const r = await runCliAsync(['render', d, file, '--strikt', '--format', 'html', '--ut', out]);
        expect(r.code !== 0, `${r.stderr}\ncheck --for ${d}: ${errors.join('\n')}`).toBe(errors.length > 0);
        for (const m of errors) expect(r.stderr).toContain(m);
      });
    }
  }
});

describe('(b) status: a file alone and in the table have the same percentages', () => {
  const steps = (text: string) => [...text.matchAll(/^ {2}(\d) .*?(\d+) %/gm)].map((m) => Number(m[2]));
  it.each([['lindesberg', LINDESBERG], ['hjo', HJO], ['utanÅtgärd', FILES.utanÅtgärd!], ['utanChecklista', FILES.utanChecklista!]])('%s', async (_n, file) => {
    const alone = await runCliAsync(['status', file]);
    const hjo = readFileSync(file, 'utf8').includes('namn: Hjo');
    const both = await runCliAsync(['status', file, hjo ? LINDESBERG : HJO]);
    // A samverkan's row is named by the samverkan (v2) or by its kommuner (v1).
    const row = both.stdout.split('\n').find((l) => (hjo ? /^\S.*(Hjo|samverkan)/.test(l) && !l.startsWith('Kommun') : l.startsWith('Lindesberg')))!;
    const table = [...row.matchAll(/(\d+) %/g)].map((m) => Number(m[1])).slice(0, 6);
    expect(steps(alone.stdout)).toHaveLength(6);
    expect(steps(alone.stdout)).toEqual(table);
  });
});

describe('(c) the interview\'s summary agrees with check for each step', () => {
  const method = loadMethod();
  for (const [name, file] of Object.entries(FILES)) {
    it(name, () => {
      const p = loadProject(file);
      for (const step of method.steg) {
        const said = summary(p.data, step, '').includes('Allt i steget är besvarat');
        const r = checkLoaded(p, { rules: RULES.filter((x) => x.id === 'moment-ifyllda' || x.id === 'checklista-besvarad'), method: methodView(), config: { regler: new Map() }, steg: [step.nummer], grund: 'steg' });
        expect(said, `steg ${step.nummer}: ${r.findings.map((x) => x.message).join('\n')}`).toBe(r.findings.length === 0);
      }
    });
  }
});

describe('(d) the coverage chart and the täckning rule see the same gaps', () => {
  const method = loadMethod();
  const view = methodView();
  for (const [name, file] of Object.entries(FILES)) {
    for (const d of ['lägesbild', 'handlingsplan'] as const) {
      it(`${name}: ${d}`, () => {
        const p = loadProject(file);
        const ctx = buildContext(p.data as unknown as Project, method, d, '2025-01-01');
        const chart = (d === 'lägesbild' ? ctx.charts.täckning : ctx.charts.täckningPlan).chart as any;
        const r = checkLoaded(p, { rules: RULES.filter((x) => x.id === 'täckning'), method: view, config: { regler: new Map() }, dokument: d, steg: view.stepsOf(d), grund: 'dokument' });
        const anything = chart.celler.some((row: any[]) => row.some((c) => c.befintligt.length || c.planerat.length))
          || (p.data as any)?.analys?.kartläggning?.befintligt_stöd?.length || (d === 'handlingsplan' && (p.data as any)?.handlingsplan?.insatser?.length);
        view.preventionsnivåer.forEach((level, j) => {
          // A gap as the one function says (src/judge/coverage.ts): not "ej angivet", not outside the plan's scope.
          const empty = view.åldersband.filter((_, i) => isGap(chart.celler[i][j]));
          const said = r.findings.filter((x) => x.message.includes(`preventionsnivån ${level.namn.toLowerCase()} `));
          if (!anything || !empty.length) { expect(said, level.id).toEqual([]); return; }
          expect(said, level.id).toHaveLength(1);
          if (empty.length === view.åldersband.filter((_, i) => !chart.celler[i][j].utanför).length) expect(said[0]!.message).toContain('för någon åldersgrupp');
          else for (const b of empty) expect(said[0]!.message.toLowerCase()).toContain(b.namn.toLowerCase());
        });
      });
    }
  }
});
