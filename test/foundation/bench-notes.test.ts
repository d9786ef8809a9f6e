// npm run bench rewrites docs/benchmarks.md: its own tables anew, and the sessions' notes (the
// marker and all below it) as they were; a file that lost its marker is kept whole under a new one.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { NOTES_MARKER, withNotes } from '../../scripts/bench.mjs';

const M = NOTES_MARKER as string;
const cases: [string, string, string][] = [
  ['ingen fil förut', '', `# Nya tabeller\n\n${M}\n`],
  ['markören och anteckningar', `# Gamla tabeller\n\n${M}\n\n## Pass 1\nmätt\n`, `# Nya tabeller\n\n${M}\n\n## Pass 1\nmätt\n`],
  ['anteckningar utan markör', '# Gamla\n\n## Pass 1\nmätt\n', `# Nya tabeller\n\n${M}\n\n# Gamla\n\n## Pass 1\nmätt\n`],
  ['bara markören', M, `# Nya tabeller\n\n${M}`],
];

describe('withNotes: benchmarks.md skrivs om utan att passens anteckningar försvinner', () => {
  it.each(cases)('%s', (_namn, old, want) => {
    expect(withNotes('# Nya tabeller\n', old)).toBe(want);
  });
  it('de gamla tabellerna ovanför markören försvinner, anteckningarna under den står kvar ordagrant', () => {
    const notes = `${M}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
    const out = withNotes('T\n', `GAMMAL TABELL\n${notes}`) as string;
    expect(out).not.toContain('GAMMAL TABELL');
    expect(out.endsWith(notes)).toBe(true);
  });
});
