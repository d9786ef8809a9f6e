// The "Fel:" and "Rätt:" examples of docs/regler/*.md are run, as ESLint runs its rule examples:
// each "Fel" gives a finding of the page's rule (of the messageId, when the label names one), each
// "Rätt" none. An example shows part of a complete project file: it is laid onto a base (the
// example examples/lindesberg plus test/check/fixtures/regelexempel-bas.yaml, which gives no finding
// of any rule), by these rules, which the docs follow:
// - a mapping adds to or replaces the base's keys one by one (a key left out stays as it is);
// - a list replaces the base's list, unless it has an item "…": then its items replace the base's
//   items with the same id and the others are added;
// - "…" as a key (a line of its own, or { … }) and [ … ] mean "as in the base";
// - an empty value (a key with nothing after the colon) is empty, whatever the base has.
// - ÅÅÅÅMMDD-NNNN stands for a real personnummer (the docs page, shown in SARIF's help, must not
//   have one): Skatteverket's test number is put there.
// The label may say how check is run and what it gives: "Fel (`--for lägesbild`, `gap`):".
// "(hela filen)" in the label: the example is the whole file (the page fil).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument, stringify } from 'yaml';
import { migrateDocument } from '../../src/project/migrate.js';
import { checkFile } from '../../src/check/engine.js';
import { methodView } from '../../src/check/method.js';
import { FIL_RULE, RULES } from '../../src/check/rules/index.js';
import { type Dokument, type Finding, type Rule } from '../../src/check/types.js';
import { documents } from '../../src/content/dokument.js';

const DOKUMENT: Dokument[] = documents().map((d) => d.id);
import { ROOT, tempDir } from '../helpers/cli.js';

const DOTS = '…';
export interface Example { kind: 'Fel' | 'Rätt'; line: number; yaml: string; dokument?: Dokument; steg?: number; messageId?: string; whole: boolean }

/** The labelled yaml blocks of a docs page ("Fel:" or "Rätt (…):" on its own line, then the block). */
export function examples(md: string, rule: Rule): Example[] {
  const lines = md.split('\n');
  const out: Example[] = [];
  lines.forEach((l, i) => {
    const m = /^(Fel|Rätt)(?: \((.*)\))?:$/.exec(l);
    if (!m) return;
    let j = i + 1;
    while (lines[j] === '') j++;
    if (lines[j] !== '```yaml') throw new Error(`${rule.docs}:${i + 1}: "${l}" följs inte av ett yaml-block`);
    const end = lines.indexOf('```', j + 1);
    const ex: Example = { kind: m[1] as Example['kind'], line: i + 1, yaml: lines.slice(j + 1, end).join('\n') + '\n', whole: false };
    for (const tok of Array.from((m[2] ?? '').matchAll(/`([^`]+)`|(hela filen)/g), (x) => x[1] ?? x[2])) {
      const opt = /^--(for|steg) (\S+)$/.exec(tok!);
      if (opt?.[1] === 'for' && DOKUMENT.includes(opt[2] as Dokument)) ex.dokument = opt[2] as Dokument;
      else if (opt?.[1] === 'steg') ex.steg = Number(opt[2]);
      else if (tok === 'hela filen') ex.whole = true;
      else if (Object.hasOwn(rule.messages, tok!)) ex.messageId = tok;
      else throw new Error(`${rule.docs}:${i + 1}: okänt i etiketten: ${tok} (inte --for, --steg eller ett av regelns meddelanden)`);
    }
    out.push(ex);
  });
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isDots = (v: unknown) => v === DOTS || (isObj(v) && Object.keys(v).length === 1 && Object.hasOwn(v, DOTS) && v[DOTS] === null);

/** The example laid onto the base (see the top of the file). */
export function lay(base: unknown, ex: unknown): unknown {
  if (isDots(ex) || (Array.isArray(ex) && ex.length === 1 && isDots(ex[0]))) return base;
  if (isObj(ex)) {
    const out: Record<string, unknown> = isObj(base) ? { ...base } : {};
    for (const [k, v] of Object.entries(ex)) if (k !== DOTS) out[k] = lay(out[k], v);
    return out;
  }
  if (Array.isArray(ex)) {
    const old = Array.isArray(base) ? base : [];
    const byId = (id: unknown) => old.find((x) => isObj(x) && x.id === id && id !== undefined);
    // An item with "…" is laid onto the base's item of the same id; any other item stands as written.
    const item = (x: unknown) => (isObj(x) && Object.hasOwn(x, DOTS) ? lay(byId(x.id), x) : lay(undefined, x));
    const mine = ex.filter((x) => !isDots(x));
    if (mine.length === ex.length) return mine.map(item);
    const ids = new Set(mine.filter(isObj).map((x) => x.id));
    return [...old.map((x) => (isObj(x) && ids.has(x.id) ? item(mine.find((y) => isObj(y) && y.id === x.id)) : x)), ...mine.filter((y) => !(isObj(y) && old.some((x) => isObj(x) && x.id === y.id))).map(item)];
  }
  return ex;
}

/** "…" on a line of its own is a key (YAML would not read it as part of a mapping otherwise). */
const readExample = (yaml: string) => parse(yaml.replace(/^(\s*)…\s*$/gm, '$1…:').replaceAll('ÅÅÅÅMMDD-NNNN', '19121212-1212'), { uniqueKeys: true });

/** The example's data in formatversion 2 (the migration is a no-op on a v2 file). */
function asV2(text: string): unknown {
  const doc = parseDocument(text);
  migrateDocument(doc);
  return doc.toJS();
}
const BASE = lay(asV2(readFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), 'utf8')), readExample(readFileSync(join(ROOT, 'test', 'check', 'fixtures', 'regelexempel-bas.yaml'), 'utf8')));
const method = methodView();
const dir = tempDir('fsstod-regelexempel-');
let n = 0;

function run(rule: Rule, ex: Pick<Example, 'yaml' | 'dokument' | 'steg' | 'whole'> = { yaml: '', whole: false }): Finding[] {
  const f = join(dir, `${rule.id}-${n++}.yaml`);
  writeFileSync(f, ex.whole ? ex.yaml : stringify(lay(BASE, readExample(ex.yaml)), { lineWidth: 0 }));
  const steg = ex.steg ? [ex.steg] : ex.dokument ? method.stepsOf(ex.dokument) : undefined;
  const r = checkFile(f, { rules: rule === FIL_RULE ? [] : [rule], method, config: { regler: new Map() }, dokument: ex.dokument, steg, grund: ex.steg ? 'steg' : ex.dokument ? 'dokument' : 'påbörjade' });
  return r.findings.filter((x) => x.rule === rule.id);
}

const ALL = [...RULES, FIL_RULE];
const show = (fs: Finding[]) => fs.map((x) => `  ${x.line}:${x.col} ${x.messageId}: ${x.message}`).join('\n') || '  (inga)';

describe('the base of the examples gives no finding', () => {
  it.each(ALL.filter((r) => r !== FIL_RULE).flatMap((r) => [undefined, ...DOKUMENT].map((d) => [r.id, d ?? '(påbörjade steg)', r, d] as const)))('%s, %s', (_id, _d, rule, dokument) => {
    const got = run(rule, { yaml: '', dokument, whole: false });
    expect(got, show(got)).toEqual([]);
  });
});

describe('the Fel and Rätt examples of docs/regler', () => {
  it('every page is a rule\'s, and every rule has its page', () => {
    expect(readdirSync(join(ROOT, 'docs', 'regler')).sort()).toEqual(ALL.map((r) => r.docs.replace('docs/regler/', '')).sort());
  });

  describe.each(ALL.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const all = examples(readFileSync(join(ROOT, rule.docs), 'utf8'), rule);

    it('has at least one Fel and one Rätt', () => {
      expect(all.filter((e) => e.kind === 'Fel').length, `${rule.docs}: inget Fel-exempel`).toBeGreaterThan(0);
      expect(all.filter((e) => e.kind === 'Rätt').length, `${rule.docs}: inget Rätt-exempel`).toBeGreaterThan(0);
    });

    it.each(all.map((e) => [`${e.kind} (rad ${e.line})`, e] as const))('%s', (_name, ex) => {
      // Every example is written in the current format and says so on its first line.
      // (The page fil's Fel example is a file of an unknown version.)
      if (!(rule === FIL_RULE && ex.kind === 'Fel')) expect(ex.yaml.split('\n')[0], `${rule.docs}:${ex.line}: exemplet börjar inte med formatversion: 2`).toBe('formatversion: 2');
      const got = run(rule, ex);
      const where = `${rule.docs}:${ex.line}: ${ex.kind}-exemplet gav\n${show(got)}`;
      if (ex.kind === 'Rätt') expect(got, where).toEqual([]);
      else {
        expect(got.length, where).toBeGreaterThan(0);
        if (ex.messageId) expect(got.map((x) => x.messageId), where).toContain(ex.messageId);
      }
    });
  });
});
