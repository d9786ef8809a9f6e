// Property: whatever shape the data has (valid or not), no rule throws, every finding has a
// position, a Swedish message and a known rule, and the exit code stays in {0, 1, 2}.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkFile, summarize } from '../../src/check/engine.js';
import { methodView } from '../../src/check/method.js';
import { RULES } from '../../src/check/rules/index.js';
import { tempDir } from '../helpers/cli.js';

const any = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 3000 }), fc.double({ noNaN: true }),
  fc.string({ maxLength: 12 }), fc.constantFrom('', '  ', '2025-04-01', '2026-02-30', '2026', '2026-09', 'ej angivet', 'fortsätta', 'pausad', 'avslutad', 'styrgrupp', 'G1', 'F1', 'R1', 'U1', 'M1', 'I1', 'B1', 'IND1', 'AK1', 'AR1', 'S1', 'universell', 'indikerad', 'process', 'ja', 'nej', 'delvis', 'beslutad', 'avveckla', 'ordinarie budget', '19121212-1212'),
  fc.array(fc.constantFrom('M1', 'M2', 'I1', 'B1', 'AR1', 'AK1', 3), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('från', 'till', 'graviditet', 'vad', 'status'), fc.oneof(fc.integer({ min: -1, max: 20 }), fc.boolean(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  // kostnader[] (and anything else that takes a list of maps)
  fc.array(fc.record({ år: fc.oneof(fc.integer({ min: 2024, max: 2029 }), fc.constant('ej angivet'), fc.string({ maxLength: 3 })), källa: fc.constantFrom('ordinarie budget', 'projektmedel', 'statsbidrag', 'ej angivet', 3) }, { requiredKeys: [] }), { maxLength: 3 }),
);
const item = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), any, { maxKeys: keys.length });
const list = (keys: string[]) => fc.oneof(fc.array(fc.oneof(item(keys), any), { maxLength: 4 }), any);

const project = fc.record({
  projekt: fc.record({ namn: any, kommuner: fc.oneof(list(['kod', 'namn', 'roll', 'län']), any), samverkan: fc.oneof(item(['namn', 'organisation']), any), omfattning: fc.oneof(item(['åldrar']), any), referenser: list(['id', 'rubrik']), period: fc.oneof(item(['från', 'till']), any), samordnare: fc.oneof(item(['roll', 'namn', 'aktör']), any) }, { requiredKeys: [] }),
  organisation: fc.oneof(fc.record({ samordning: fc.oneof(fc.record({ personer: list(['roll', 'namn', 'aktör']) }), any), arenor: list(['id', 'namn']), grupper: list(['id', 'typ', 'namn', 'organ', 'medlemmar', 'mandat']) }, { requiredKeys: [] }), any),
  analys: fc.oneof(fc.record({
    utvecklingsbehov: list(['id', 'rubrik', 'uppskjutet']),
    kartläggning: fc.oneof(fc.record({ befintligt_stöd: list(['id', 'namn', 'nivå', 'åldrar', 'kostnader']) }), any),
  }, { requiredKeys: [] }), any),
  handlingsplan: fc.oneof(fc.record({
    fokusområden: list(['id', 'namn']),
    mål: list(['id', 'text', 'behov', 'typ', 'slag', 'överordnat', 'fokusområde']),
    insatser: list(['id', 'namn', 'mål', 'ansvariga', 'arenor', 'målgrupp', 'nivå', 'start', 'slut', 'åtgärd', 'status', 'åldrar', 'anpassningar', 'kostnader', 'befintligt_stöd']),
    uppföljningsplan: fc.oneof(fc.record({ indikatorer: list(['id', 'namn', 'typ', 'mål', 'insatser', 'målvärde', 'måldatum']) }), any),
    hållbarhet: fc.oneof(item(['nå_fler', 'ordinarie_budget']), any),
  }, { requiredKeys: [] }), any),
  uppföljningar: fc.oneof(fc.array(fc.oneof(fc.record({ id: any, period: fc.oneof(item(['från', 'till']), any), insatser: list(['insats', 'status']), utfall: list(['indikator', 'datum']) }, { requiredKeys: [] }), any), { maxLength: 3 }), any),
  beslut: fc.oneof(fc.dictionary(fc.constantFrom('lägesbild', 'handlingsplan', 'uppföljning'), fc.oneof(item(['status', 'organ', 'datum', 'diarienummer', 'bilagor']), any)), any),
  checklistor: fc.oneof(fc.dictionary(fc.constantFrom('steg1', 'steg3', 'steg4', 'steg9'), fc.oneof(fc.dictionary(fc.constantFrom('c1', 'c2', 'c5a', 'x'), fc.oneof(item(['status', 'åtgärd']), any)), any)), any),
}, { requiredKeys: [] });

describe('check on arbitrary project data', () => {
  it('no rule throws; findings are well-formed', () => {
    const dir = tempDir('fsstod-egenskap-');
    const method = methodView();
    const ids = new Set([...RULES.map((r) => r.id), 'fil']);
    let n = 0;
    fc.assert(fc.property(project, fc.constantFrom<(number[])>([1, 2, 3, 4, 5, 6], [4], [3, 6]), (p, steg) => {
      const f = join(dir, `p${n++ % 5}.yaml`);
      writeFileSync(f, stringify({ formatversion: 2, ...p }));
      const r = checkFile(f, { rules: RULES, method, config: { regler: new Map() }, steg, grund: 'steg' });
      const internal = r.regler.filter((x) => x.fel);
      expect(internal.map((x) => r.findings.find((y) => y.rule === x.id)?.message), stringify(p)).toEqual([]);
      for (const x of r.findings) {
        expect(ids.has(x.rule)).toBe(true);
        expect(x.message.length).toBeGreaterThan(5);
        if (r.läst) expect(x.line).toBeGreaterThanOrEqual(1);
        expect(x.message).not.toContain('19121212-1212');
      }
      expect([0, 1, 2]).toContain(summarize([r], 'error').exitkod);
    }), { numRuns: 400 });
  });
});
