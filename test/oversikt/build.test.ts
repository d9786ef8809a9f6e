// The översikt's pure parts, table by table: which län --län means, CSV fields as Excel reads
// them, programme keys, what moved between two years, and the MFoF weak spots as check judges them.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { csvField, resolveLän, change, allLän } from '../../src/oversikt/build.js';
import { programKey, summarize } from '../../src/oversikt/read.js';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import { weakSpots } from '../../src/judge/weakspots.js';
import { ROOT } from '../helpers/cli.js';

const method = loadMethod();

describe('resolveLän', () => {
  it.each<[string, string[]]>([
    ['18', ['18']], ['8', ['08']], ['Örebro län', ['18']], ['örebro', ['18']], ['Orebro lan', ['18']],
    ['Västra Götalands län', ['14']], ['Västra Götaland', ['14']], ['gotlands', ['09']], ['riket', allLän().map((l) => l.kod)], ['Alla', allLän().map((l) => l.kod)],
  ])('%s', (arg, want) => expect(resolveLän(arg, []).map((l) => l.kod)).toEqual(want));
  it('an unknown län is a usage error (exit 2) that lists the län', () => {
    expect(() => resolveLän('Atlantis', [])).toThrow(/okänt län "Atlantis"/);
  });
  it('without --län: no file with a known kommun means the whole country', () => {
    expect(resolveLän(undefined, []).length).toBe(21);
  });
});

describe('csvField (Swedish Excel)', () => {
  it.each<[string | number, string]>([
    ['Örebro', 'Örebro'], [12, '12'], [12.5, '12,5'], ['a;b', '"a;b"'], ['säger "hej"', '"säger ""hej"""'],
    ['rad\r\nny', '"rad\r\nny"'], ['rad\nny', '"rad\nny"'], ['=SUMMA(A1)', "'=SUMMA(A1)"], ['+46', "'+46"], ['-x', "'-x"], ['@a', "'@a"], ['', ''],
  ])('%j → %j', (v, want) => expect(csvField(v)).toBe(want));
});

describe('programKey: one programme under different names', () => {
  it.each<[string, string]>([
    ['Connect för föräldrar till tonåringar', 'connect'], ['Connect', 'connect'], ['ABC – Alla barn i centrum', 'abc'],
    ['ABC (Alla barn i centrum)', 'abc'], ['Komet, för föräldrar', 'komet'], ['Föräldraskapsstöd i SFI', 'föräldraskapsstöd'],
  ])('%s → %s', (n, k) => expect(programKey(n)).toBe(k));
});

describe('the example kommun, summarised', () => {
  const p = loadProject(join(ROOT, 'examples/lindesberg/projekt.yaml'));
  const s = summarize(p, method);
  it('steps, plan, roles only, coverage and indicators from the one judgement', () => {
    expect(s.kommuner.map((k) => k.kod)).toEqual(['1885']);
    expect(s.plan).toMatchObject({ status: 'beslutad', organ: 'Kommunfullmäktige', diarienummer: 'KS 2025/123' });
    expect(s.samordnartid).toBe(90);
    expect(s.samordnare.every((x) => !('namn' in x))).toBe(true);
    expect(s.steg).toHaveLength(6);
    expect(s.finansiering).toContain('ordinarie budget');
    expect(s.täckning).toHaveLength(method.begrepp.åldersband.length);
  });
  it('compared with itself nothing moved; with nothing last year it is new', () => {
    expect(change(s, s, method).poster).toEqual(['Oförändrat.']);
    expect(change(null, s, method)).toEqual({ poster: ['Ny projektfil i år (ingen förra året).'], ny: true });
    expect(change(s, undefined, method).poster[0]).toMatch(/ingen i år/);
  });
  it('what moved: a step, the plan status, a gap closed, indicators on track', () => {
    const förra = { ...s, steg: s.steg.map((x) => (x.nummer === 4 ? { ...x, andel: 40 } : x)), plan: { ...s.plan, status: 'utkast' as const }, täckning: s.täckning.map((r) => r.map(() => 'lucka' as const)), luckor: ['x'], påRättSpår: 0 };
    const p2 = change(förra, s, method).poster.join('\n');
    expect(p2).toContain('Steg 4: 40\u00a0% → 100\u00a0% besvarat');
    expect(p2).toContain('Handlingsplan: utkast → beslutad');
    expect(p2).toMatch(/Luckor som täckts: Graviditet universell/);
    expect(p2).toMatch(/Indikatorer på rätt spår: 0 av \d+ → \d+ av \d+/);
  });
});

describe('weakSpots: the same rules as check --for handlingsplan', () => {
  it('the complete example has none; the early samverkan example is carried by one person', () => {
    expect(weakSpots(loadProject(join(ROOT, 'examples/lindesberg/projekt.yaml')))).toEqual([]);
    expect(weakSpots(loadProject(join(ROOT, 'examples/hjo-tidaholm/projekt.yaml'))).map((w) => w.regel)).toEqual(['en-person-samordnar']);
  });
});
