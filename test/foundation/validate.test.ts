// Table-driven: each broken project gives the expected Swedish message at the expected line.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../src/project/load.js';
import { validateProject } from '../../src/project/validate.js';
import { tempDir } from '../helpers/cli.js';

const HEAD = `formatversion: 1
projekt:
  namn: Test
  kommuner:
    - kod: "1885"
      namn: Lindesberg
`;

function problemsOf(yaml: string) {
  const f = join(tempDir(), 'projekt.yaml');
  writeFileSync(f, HEAD + yaml);
  return validateProject(loadProject(f));
}

describe('validateProject', () => {
  it('accepts a minimal file', () => {
    expect(problemsOf('')).toEqual([]);
  });

  const cases: { name: string; yaml: string; rule: string; message: RegExp; line: number; col: number }[] = [
    {
      name: 'enum value not allowed',
      yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: Föräldragrupp\n      nivå: generell\n`,
      rule: 'schema', message: /Insatser › I1 › Preventionsnivå: texten "generell" är inte tillåtet\. Välj en av: universell, selektiv, indikerad/, line: 11, col: 13,
    },
    {
      name: 'impossible date',
      yaml: `handlingsplan:\n  insatser:\n    - id: I1\n      namn: X\n      start: 2026-02-30\n`,
      rule: 'schema', message: /Start: texten "2026-02-30" är inget giltigt datum; skriv ett år \(2026\), år och månad \(2026-03\) eller en dag \(2026-03-31\)/, line: 11, col: 14,
    },
    {
      name: 'unknown field with suggestion',
      yaml: `förankring:\n  motiveringen: Varför\n`,
      rule: 'schema', message: /Steg 1 Förankra och mobilisera: okänt fält "motiveringen" – menade du "motivering"\?/, line: 8, col: 3,
    },
    {
      name: 'missing required field',
      yaml: `handlingsplan:\n  mål:\n    - id: M1\n`,
      rule: 'schema', message: /Mål › M1: Mål \(text\) saknas/, line: 9, col: 7,
    },
    {
      name: 'wrong type',
      yaml: `handlingsplan:\n  hållbarhet:\n    ordinarie_budget: kanske\n`,
      rule: 'schema', message: /Arbetet finansieras i ordinarie budget: ska vara true eller false \(ja\/nej\), men är texten "kanske"/, line: 9, col: 23,
    },
    {
      name: 'empty text',
      yaml: `förankring:\n  skiss: ""\n`,
      rule: 'schema', message: /Skiss över utvecklingsarbetet: får inte vara tom text/, line: 8, col: 10,
    },
    {
      name: 'bad id',
      yaml: `handlingsplan:\n  mål:\n    - id: mål-1\n      text: Fler föräldrar nås\n`,
      rule: 'schema', message: /är inget giltigt id/, line: 9, col: 11,
    },
    {
      name: 'dangling reference',
      yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: Fler nås\n  insatser:\n    - id: I1\n      namn: X\n      mål: [M1, M9]\n`,
      rule: 'referens', message: /Mål \(id\) › nr 2: hänvisningen till M9 pekar inte på något som finns: ingen mål har id M9/, line: 14, col: 17,
    },
    {
      name: 'reference to the wrong kind',
      yaml: `organisation:\n  aktörer:\n    - id: AK1\n      namn: Socialtjänsten\nhandlingsplan:\n  mål:\n    - id: M1\n      text: X\n  insatser:\n    - id: I1\n      namn: Y\n      ansvarig: M1\n`,
      rule: 'referens', message: /M1 är en mål, men här ska det stå id för en aktör/, line: 18, col: 17,
    },
    {
      name: 'duplicate id',
      yaml: `handlingsplan:\n  mål:\n    - id: M1\n      text: A\n    - id: M1\n      text: B\n`,
      rule: 'unikt-id', message: /id M1 används redan \(rad 9\)/, line: 11, col: 11,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const ps = problemsOf(c.yaml);
      expect(ps.length, JSON.stringify(ps)).toBeGreaterThan(0);
      const p = ps.find((x) => c.message.test(x.message));
      expect(p, `got: ${ps.map((x) => x.message).join(' | ')}`).toBeDefined();
      expect(p!.rule).toBe(c.rule);
      expect([p!.line, p!.col]).toEqual([c.line, c.col]);
    });
  }

  it('names a kommunkod that is not four digits', () => {
    const f = join(tempDir(), 'p.yaml');
    writeFileSync(f, `formatversion: 1\nprojekt:\n  namn: T\n  kommuner:\n    - kod: 188\n      namn: L\n`);
    const ps = validateProject(loadProject(f));
    expect(ps.map((p) => p.message).join('\n')).toMatch(/Kommunkod: ska vara text, men är talet 188/);
  });
});
