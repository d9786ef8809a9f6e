import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { methodView } from '../../../src/check/method.js';
import { ROOT } from '../../helpers/cli.js';
import { ruleTable, runRule } from '../helpers.js';
import { cases, rule } from './moment-ifyllda.cases.js';

ruleTable(rule, cases);

describe('moment-ifyllda', () => {
  it('the example Lindesberg has every moment of all six steps filled in; an empty file misses them all', () => {
    const example = readFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), 'utf8');
    const got = runRule(rule, example, { steg: [1, 2, 3, 4, 5, 6], head: false });
    expect(got.map((x) => `${x.line}:${x.col} ${x.message}`)).toEqual([]);
    const total = methodView().steps.reduce((n, s) => n + s.moment.length, 0);
    expect(runRule(rule, '', { steg: [1, 2, 3, 4, 5, 6] }).length).toBeGreaterThanOrEqual(total);
  });
});
