// Text-preserving edits: each edit changes only its unit; the text always parses to the data
// the edit intends; comments and untouched paragraphs stay byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import jsyaml from 'js-yaml';
const load = (t: string) => jsyaml.load(t, { schema: jsyaml.CORE_SCHEMA });
import { editText, orderedIndex, renderWhole, withValue, type TextState } from '../../src/interview/yaml-edit.js';
import { ROOT } from '../helpers/cli.js';

const BASE = `# Överst
formatversion: 1
projekt:
  namn: Test # namnet
  kommuner:
    - kod: "1885"
      namn: Lindesberg
  tom:

# ── Steg 1 ──
förankring:
  motivering: >-
    Lång text som är
    radbruten av användaren.
  bedömning: {typ: saknas}

# ── Steg 4 ──
handlingsplan:
  mål:
    - id: M1   # första
      text: Fler föräldrar nås
      behov: [B1, B2]
    # före M2
    - id: M2
      text: Ett mål till
  insatser: []

# ── Checklistor ──
checklistor:
  steg1:
    c1:
      status: ja
`;

function state(text: string, eol: '\n' | '\r\n' = '\n'): TextState {
  return { text, doc: parseDocument(text) as any, eol };
}

/** Applies edits one after another, checking the data and the untouched text after each. */
function run(text: string, edits: [ (string | number)[], unknown ][], eol: '\n' | '\r\n' = '\n') {
  const st = state(text, eol);
  let data: unknown = load(text);
  const modes: string[] = [];
  for (const [path, value] of edits) {
    const before = st.text;
    const r = editText(st, path, value);
    if (r.mode === 'whole') st.text = renderWhole(st.doc, eol);
    modes.push(r.mode);
    data = withValue(data, path, value);
    expect(load(st.text), `${path.join('.')} → ${st.text}`).toEqual(data);
    // The Document still describes the text: its data matches and a fresh parse agrees.
    expect(st.doc.toJS()).toEqual(data);
    if (r.mode === 'splice') {
      // Only the region changed.
      const idx = before.indexOf(r.removed);
      expect(idx).toBeGreaterThanOrEqual(0);
    }
  }
  return { text: st.text, modes, st };
}

describe('orderedIndex', () => {
  const order = ['formatversion', 'projekt', 'förankring', 'organisation', 'analys', 'handlingsplan', 'genomförande', 'uppföljning', 'beslut', 'checklistor'];
  it.each([
    [['formatversion', 'projekt'], 'analys', 2],
    [['formatversion', 'projekt', 'handlingsplan', 'checklistor'], 'analys', 2],
    [['formatversion', 'projekt', 'förankring', 'checklistor'], 'uppföljning', 3],
    [['formatversion', 'projekt', 'checklistor'], 'beslut', 2],
    [['formatversion', 'projekt', 'egen', 'checklistor'], 'analys', 3],
    [['formatversion', 'projekt'], 'okänd', 2],
    [[], 'analys', 0],
  ] as [string[], string, number][])('%j + %s → %i', (existing, key, want) => {
    expect(orderedIndex(existing, key, order)).toBe(want);
  });
});

describe('withValue', () => {
  it.each([
    [{ a: { b: 1 } }, ['a', 'c'], 2, { a: { b: 1, c: 2 } }],
    [{ a: { b: 1 } }, ['a', 'b'], undefined, {}],
    [{ a: { b: 1, c: 2 } }, ['a', 'b'], undefined, { a: { c: 2 } }],
    [{ l: [1, 2] }, ['l', 2], 3, { l: [1, 2, 3] }],
    [{ l: [1, 2] }, ['l', 0], undefined, { l: [2] }],
    [{ l: [1] }, ['l', 0], undefined, {}],
    [{}, ['x', 'y', 'z'], 'v', { x: { y: { z: 'v' } } }],
    [{ a: null }, ['a', 'b'], 1, { a: { b: 1 } }],
  ] as [unknown, (string | number)[], unknown, unknown][])('%j %j=%j', (data, path, value, want) => {
    const before = JSON.stringify(data);
    expect(withValue(data, path, value)).toEqual(want);
    expect(JSON.stringify(data)).toBe(before); // the input is not changed
  });
});

describe('editText', () => {
  it('changes one scalar and nothing else (inline comment kept)', () => {
    const { text, modes } = run(BASE, [[['projekt', 'namn'], 'Ny – åäö']]);
    expect(modes).toEqual(['splice']);
    expect(text).toBe(BASE.replace('namn: Test # namnet', 'namn: Ny – åäö # namnet'));
  });

  it('inserts a new top-level section in step order, with a blank line, above the next section\'s comment', () => {
    const { text } = run(BASE, [[['analys', 'återkoppling', 'datum'], '2026-05-01']]);
    expect(text).toContain('  bedömning: {typ: saknas}\n\nanalys:\n  återkoppling:\n    datum: 2026-05-01\n\n# ── Steg 4 ──\nhandlingsplan:');
    expect(text.replace('\nanalys:\n  återkoppling:\n    datum: 2026-05-01\n', '')).toBe(BASE);
  });

  it('inserts keys inside a map in schema order', () => {
    const { text } = run(BASE, [[['förankring', 'sammanhang'], 'Mellan']]);
    expect(text).toContain('    radbruten av användaren.\n  sammanhang: Mellan\n  bedömning:');
  });

  it('appends at the end of the file and of a nested map', () => {
    const { text } = run(BASE, [[['checklistor', 'steg2', 'c1', 'status'], 'nej'], [['checklistor', 'steg1', 'c1', 'kommentar'], 'Bra']]);
    expect(text.endsWith('    c1:\n      status: ja\n      kommentar: Bra\n  steg2:\n    c1:\n      status: nej\n')).toBe(true);
  });

  it('folds long new text and keeps the user\'s folding elsewhere', () => {
    const long = 'Barn har rätt till trygghet och föräldrar till stöd under hela uppväxten, från graviditet till arton år, på alla arenor.';
    const { text } = run(BASE, [[['förankring', 'skiss'], long]]);
    expect(text).toContain('  motivering: >-\n    Lång text som är\n    radbruten av användaren.\n');
    expect(text).toMatch(/  skiss: >-\n    Barn har rätt .*\n    .*arenor\.\n/);
  });

  it('replaces a folded paragraph in place', () => {
    const { text } = run(BASE, [[['förankring', 'motivering'], 'Kort']]);
    expect(text).toContain('förankring:\n  motivering: Kort\n  bedömning: {typ: saknas}\n');
  });

  it('edits inside a flow map by replacing its pair', () => {
    const { text } = run(BASE, [[['förankring', 'bedömning', 'datum'], '2026-01-15']]);
    expect(text).toContain('  bedömning:\n    typ: saknas\n    datum: 2026-01-15\n');
  });

  it('edits list items: a field, an appended item, a removed item, the first key on a dash line', () => {
    const { text } = run(BASE, [
      [['handlingsplan', 'mål', 1, 'horisont'], 'kort'],
      [['handlingsplan', 'mål', 2], { id: 'M3', text: 'Tredje målet med å' }],
      [['handlingsplan', 'mål', 0, 'behov'], ['B2']],
      [['handlingsplan', 'mål', 1], undefined],
      [['handlingsplan', 'mål', 0, 'id'], 'M9'],
    ]);
    expect(text).toContain('    - id: M9 # första\n      text: Fler föräldrar nås\n      behov: [B2]\n    - id: M3');
    expect(text).toContain('    - id: M3\n      text: Tredje målet med å\n  insatser: []');
    expect(text).not.toContain('M2'); // the item and the comment above it
  });

  it('fills an empty flow list and a null value', () => {
    const { text } = run(BASE, [
      [['handlingsplan', 'insatser', 0], { id: 'I1', namn: 'Insats' }],
      [['projekt', 'tom', 'x'], 1],
    ]);
    expect(text).toContain('  insatser:\n    - id: I1\n      namn: Insats\n');
    expect(text).toContain('  tom:\n    x: 1\n');
  });

  it('deletes a key and prunes maps that became empty', () => {
    const { text } = run(BASE, [[['checklistor', 'steg1', 'c1', 'status'], undefined]]);
    expect(text).toBe(BASE.replace(/\n# ── Checklistor ──\nchecklistor:\n  steg1:\n    c1:\n      status: ja\n$/, '\n# ── Checklistor ──\n'));
  });

  it('keeps CRLF line endings', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    const { text } = run(crlf, [[['förankring', 'sammanhang'], 'Text'], [['handlingsplan', 'mål', 2], { id: 'M3', text: 'x' }], [['uppföljning', 'lärdomar'], 'L']], '\r\n');
    expect(text.split('\n').length).toBe(text.split('\r\n').length);
  });

  it('survives many random edits on the example files', () => {
    for (const ex of ['examples/hjo-tidaholm/projekt.yaml', 'examples/lindesberg/projekt.yaml', 'examples/boras/projekt.yaml']) {
      const text = readFileSync(join(ROOT, ex), 'utf8');
      const seg = fc.constantFrom('förankring', 'organisation', 'analys', 'handlingsplan', 'uppföljning', 'checklistor', 'projekt');
      const key = fc.constantFrom('a', 'motivering', 'namn', 'status', 'steg1', 'c1', 'kommentar', 'mål', 'insatser', 'arenor');
      const value = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 120 }), fc.integer(), fc.boolean(), fc.array(fc.constantFrom('M1', 'AR1', 'B2'), { maxLength: 3 }), fc.constant({ id: 'X1', namn: 'Ny' }));
      fc.assert(fc.property(fc.array(fc.tuple(fc.tuple(seg, key, fc.option(key, { nil: undefined })), value), { minLength: 1, maxLength: 8 }), (edits) => {
        const st = state(text);
        let data: any = load(text);
        const touched = new Set<string>();
        for (const [[a, b, c], v] of edits) {
          const path = c ? [a, b, c] : [a, b];
          // Only edit where the path goes through maps (as the interview does).
          let cur: any = data;
          let ok = true;
          for (const s of path.slice(0, -1)) { cur = cur?.[s]; if (cur !== undefined && cur !== null && (typeof cur !== 'object' || Array.isArray(cur))) { ok = false; break; } }
          if (!ok) continue;
          touched.add(a);
          const r = editText(st, path, v);
          if (r.mode === 'whole') { st.text = renderWhole(st.doc, '\n'); st.doc = parseDocument(st.text) as any; }
          data = withValue(data, path, v);
          expect(load(st.text)).toEqual(data);
          expect(st.doc.toJS()).toEqual(data);
        }
        // Every comment line of the original is still there, unless it is in (or just before) a
        // top-level section that an edit changed (a replaced value takes its comments with it).
        const lines = text.split('\n');
        const left = st.text.split('\n').map((l) => l.trim());
        let section = '';
        lines.forEach((l, i) => {
          const top = /^([^\s#][^:]*):/.exec(l);
          if (top) { section = top[1]!; return; }
          if (!/^\s*#/.test(l)) return;
          const nextKey = lines.slice(i + 1).find((x) => /^[^\s#]/.test(x));
          const before = nextKey ? /^([^:]*):/.exec(nextKey)?.[1] : undefined;
          if (touched.has(section) || (before !== undefined && touched.has(before))) return;
          expect(left, `kommentaren på rad ${i + 1} försvann: ${l}`).toContain(l.trim());
        });
      }), { numRuns: 40 });
    }
  });
});
