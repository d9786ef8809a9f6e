// The method at the moment it matters (issue 14, item 5): content/begrepp.yaml's hjälp shown at
// the questions it belongs to, from content only, faithful to the seeds.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileContent } from '../../src/content/load.js';
import { hintsAt, formatHints, matches } from '../../src/interview/hints.js';
import { schemaAt } from '../../src/project/schema-words.js';
import { step } from '../../src/commands/step.js';
import { loadProject } from '../../src/project/load.js';
import { saveProject } from '../../src/project/save.js';
import type { IO } from '../../src/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ScriptAsker } from './script.js';

const method = compileContent(ROOT);
const begrepp = method.begrepp;
const SEED = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', 'metodstod-foraldraskapsstod-2023-5.md'), 'utf8');
const ids = (path: (string | number)[]) => hintsAt(begrepp, path).map((h) => h.hjälp.id);
const text = (path: (string | number)[]) => formatHints(begrepp, path, 200);

describe('which explanation is shown where', () => {
  it.each([
    [['organisation', 'definitioner', 'föräldraskapsstöd'], ['definition']],
    [['organisation', 'definitioner', 'föräldrar'], []],
    [['analys', 'kartläggning', 'befintligt_stöd', 0, 'nivå'], ['preventionsnivåer']],
    [['handlingsplan', 'insatser', 3, 'nivå'], ['preventionsnivåer']],
    [['handlingsplan', 'uppföljningsplan', 'indikatorer', 1, 'typ'], ['måtttyper']],
    [['handlingsplan', 'mål', 0, 'typ'], ['måtttyper']],
    [['analys', 'förutsättningar', 'faktorer', 'kultur'], ['faktor']],
    [['analys', 'förutsättningar', 'faktorer', 'ekonomi'], ['faktor', 'ordinarie_budget']],
    [['analys', 'förutsättningar', 'faktorer', 'ansvar_samordning'], ['faktor', 'personbundet']],
    [['analys', 'förutsättningar', 'faktorer', 'ekonomi', 'bedömning'], []],
    [['handlingsplan', 'perspektiv', 'hållbarhet'], ['perspektiv']],
    [['organisation', 'samordning'], ['personbundet']],
    [['handlingsplan', 'insatser', 0, 'kostnader', 1, 'källa'], ['ordinarie_budget']],
    [['handlingsplan', 'insatser', 0, 'anpassningar'], ['svåra_att_nå']],
    [['analys', 'målgruppsanalys', 'särskilda_behov'], ['svåra_att_nå']],
    [['uppföljningar', 0, 'insatser', 2, 'fullföljt_procent'], ['fullföljer_inte']],
    [['handlingsplan', 'insatser', 0, 'namn'], []],
  ])('%j → %j', (path, want) => {
    expect(ids(path)).toEqual(want);
  });

  it('the national definition at 2.3, word for word as the method quotes it', () => {
    const t = hintsAt(begrepp, ['organisation', 'definitioner', 'föräldraskapsstöd'])[0]!.rader[0]!;
    expect(SEED.replace(/\s+/g, ' ')).toContain(t.replace(/\s+/g, ' '));
  });

  it('the three prevention levels, the four measure types, each factor and perspective with its explanation', () => {
    const nivå = text(['handlingsplan', 'insatser', 0, 'nivå']);
    for (const n of begrepp.preventionsnivåer) expect(nivå).toContain(`– ${n.titel}: ${n.beskrivning}`);
    const mått = text(['handlingsplan', 'uppföljningsplan', 'indikatorer', 0, 'typ']);
    for (const m of begrepp.måtttyper) expect(mått).toContain(`${m.titel}: ${m.beskrivning}`);
    expect(begrepp.faktorer).toHaveLength(11);
    for (const f of begrepp.faktorer) {
      expect(f.beskrivning.length).toBeGreaterThan(40);
      expect(text(['analys', 'förutsättningar', 'faktorer', f.id]).replace(/\s+/g, ' ')).toContain(f.beskrivning);
    }
    for (const p of begrepp.perspektiv) expect(text(['handlingsplan', 'perspektiv', p.id]).replace(/\s+/g, ' ')).toContain(p.beskrivning);
  });

  it('MFoF\'s four pitfalls are marked as pitfalls, with their source', () => {
    const pitfalls = (begrepp.hjälp ?? []).filter((h) => h.typ === 'fallgrop').map((h) => h.id);
    expect(pitfalls).toEqual(['personbundet', 'ordinarie_budget', 'svåra_att_nå', 'fullföljer_inte']);
    expect(text(['organisation', 'samordning'])).toMatch(/^  Vanlig fallgrop: Arbete som hänger på en person\n[\s\S]*\(MFoF, Kartläggning av kommuner 2019\)$/);
  });

  it('every place an explanation names is a field of the project file', () => {
    const keysOf = (p: (string | number)[]) => {
      const s = schemaAt(p);
      return (s?.propertyNames?.enum as string[] | undefined) ?? Object.keys(s?.properties ?? {});
    };
    for (const h of begrepp.hjälp ?? []) {
      for (const v of h.vid) {
        const segs = v.split('.').flatMap((seg) => (seg.endsWith('[]') ? [seg.slice(0, -2), 0] : [seg]));
        const star = segs.indexOf('*');
        const paths = star < 0 ? [segs] : keysOf(segs.slice(0, star)).map((k) => [...segs.slice(0, star), k, ...segs.slice(star + 1)]);
        expect(paths.length, v).toBeGreaterThan(0);
        for (const p of paths) expect(schemaAt(p), `${h.id}: ${v}`).toBeDefined();
      }
    }
  });

  it('the source is said the first time an explanation is shown, not again', () => {
    const seen = new Set<string>();
    expect(formatHints(begrepp, ['analys', 'förutsättningar', 'faktorer', 'kultur'], 200, seen)).toMatch(/\(Metodstödet[^)]*\)$/);
    expect(formatHints(begrepp, ['analys', 'förutsättningar', 'faktorer', 'ledning'], 200, seen)).not.toContain('(Metodstödet');
  });

  it('* is one key, never several', () => {
    expect(matches('a.b.c', 'a.b.*')).toBe(true);
    expect(matches('a.b.c.d', 'a.b.*')).toBe(false);
    expect(matches('a.b[]', 'a.b.*')).toBe(false);
  });
});

describe('in the interview', () => {
  function io(): IO & { text: () => string } {
    let buf = '';
    return { out: (s) => { buf += s; }, err: (s) => { buf += s; }, stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {}, text: () => buf };
  }
  async function run(steg: number, moment: string): Promise<string> {
    const file = join(tempDir('fsstod-hints-'), 'projekt.yaml');
    copyFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'), file);
    const p = loadProject(file);
    if (p.migratedFrom) saveProject(p);
    const out = io();
    await step({ steg: String(steg), fil: file, ...(moment ? { moment } : {}) }, out, new ScriptAsker([]));
    return out.text().replace(/\s+/g, ' ');
  }

  it('2.3 shows the national definition before the kommun\'s own is asked', async () => {
    const out = await run(2, '2.3');
    expect(out).toContain('Den nationella strategins definition ”Föräldraskapsstöd är insatser, aktiviteter och verksamheter riktade till föräldrar');
  });

  it('step 4 explains each of its four perspectives where it is asked', async () => {
    const out = await run(4, '');
    for (const p of begrepp.perspektiv) expect(out).toContain(p.beskrivning);
  });

  it('3.3 explains each of the eleven factors under its name', async () => {
    const out = await run(3, '3.3');
    for (const f of begrepp.faktorer) expect(out).toContain(`${f.nummer}. ${f.titel} ${f.beskrivning}`);
    expect(out).toContain('Vanlig fallgrop: Ingen ordinarie budget');
  });
});
