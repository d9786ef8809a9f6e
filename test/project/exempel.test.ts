// The examples say what they are (issue 12): the invented ones are marked as invented in the name,
// the header and projekt.exempel; the transcribed one is marked as a transcription of a real,
// published document, cites its sources, and has a README beside it. All are formatversion 2.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const read = (ex: string) => readFileSync(join(ROOT, 'examples', ex, 'projekt.yaml'), 'utf8');

describe('the examples', () => {
  it.each(['lindesberg', 'hjo-tidaholm'])('%s is invented and says so', (ex) => {
    const text = read(ex);
    const data = parse(text);
    expect(data.formatversion).toBe(2);
    expect(data.projekt.exempel).toBe(true);
    expect(data.projekt.namn).toContain('(Exempel – påhittade uppgifter)');
    expect(text.split('\n').slice(0, 5).join('\n')).toContain('# Exempel – påhittade uppgifter.');
  });

  it('boras is transcribed from a real document, not invented, and cites it', () => {
    const text = read('boras');
    const data = parse(text);
    expect(data.formatversion).toBe(2);
    expect(data.projekt.exempel).toBe(false);
    expect(text).not.toContain('påhittade uppgifter');
    expect(text).toMatch(/^# Transkriberat från .*$/m);
    expect(text).toContain('hämtat 2026-12-01');
    // Every section that holds text from the source names where it comes from.
    for (const källor of [data.förankring.källor, data.organisation.källor, data.analys.målgruppsanalys.källor, data.analys.kartläggning.källor, data.handlingsplan.källor]) {
      expect(källor.length).toBeGreaterThan(0);
      for (const k of källor) expect(k).toMatch(/^\[\d+\] https?:\/\/\S+$/);
    }
    // The activity as the source states it: its förvaltning, "under 2022 och 2023", level not stated.
    const i1 = data.handlingsplan.insatser.find((i: { id: string }) => i.id === 'I1');
    expect(i1).toMatchObject({ ansvariga: ['AK1'], start: '2022', slut: '2023', nivå: 'ej angivet' });
    expect(data.organisation.aktörer.find((a: { id: string }) => a.id === 'AK1').namn).toBe('Fritids- och folkhälsoförvaltningen');
    const readme = join(ROOT, 'examples', 'boras', 'README.md');
    expect(existsSync(readme)).toBe(true);
    expect(readFileSync(readme, 'utf8')).toMatch(/## Vad modellen \(formatversion 2\) ännu inte kan hålla/);
  });
});
