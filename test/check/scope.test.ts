// Which step a path belongs to and which steps a file has begun are derived from content's
// places (src/content/paths.ts, the same list `step N --svar` writes to).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { methodView } from '../../src/check/method.js';
import { begunSteps, stepOfPath } from '../../src/check/scope.js';
import { ROOT } from '../helpers/cli.js';

describe('stepOfPath', () => {
  it('puts each step\'s own top-level part in that step', () => {
    const top = { förankring: 1, organisation: 2, analys: 3, handlingsplan: 4, genomförande: 5, uppföljningar: 6 };
    for (const [k, n] of Object.entries(top)) {
      expect(stepOfPath([k]), k).toBe(n);
      expect(stepOfPath([k, 'vad_som_helst', 0]), k).toBe(n);
    }
  });
  it('splits the shared parts by their second key, and leaves the rest to no step', () => {
    expect(stepOfPath(['checklistor', 'steg2', 'c1'])).toBe(2);
    expect(stepOfPath(['beslut', 'lägesbild', 'datum'])).toBe(3);
    expect(stepOfPath(['beslut', 'uppföljning'])).toBe(6);
    expect(stepOfPath(['beslut', 'okänt'])).toBeUndefined();
    expect(stepOfPath(['projekt', 'namn'])).toBeUndefined();
    expect(stepOfPath([])).toBeUndefined();
  });
});

describe('begunSteps', () => {
  it('finds the begun steps of the examples', () => {
    const steps = (ex: string) => begunSteps(parse(readFileSync(join(ROOT, 'examples', ex, 'projekt.yaml'), 'utf8')), methodView());
    expect(steps('lindesberg')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps('hjo-tidaholm')).toEqual([1, 2]);
  });
  it('counts an answered checklist, a step field and a moment\'s question map', () => {
    const m = methodView();
    expect(begunSteps({ checklistor: { steg5: { c1: { status: 'ja' } } } }, m)).toEqual([5]);
    expect(begunSteps({ beslut: { handlingsplan: { status: 'utkast' } } }, m)).toEqual([4]);
    expect(begunSteps({ projekt: { namn: 'X' } }, m)).toEqual([]);
  });
});
