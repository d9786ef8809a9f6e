// The formatters on a report with errors, warnings, an unreadable file and hostile text:
// JSON against its schema, JUnit through a real XML parser, SARIF's required structure,
// GitHub's escaping.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRapport } from '../../src/generated/validators.js';
import { checkFile, summarize } from '../../src/check/engine.js';
import { methodView } from '../../src/check/method.js';
import { FIL_RULE, RULES } from '../../src/check/rules/index.js';
import { FORMATTERS } from '../../src/check/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/check/formatters/github.js';
import type { Report } from '../../src/check/types.js';
import { tempDir } from '../helpers/cli.js';

const HOSTILE = 'Föräldrar & <barn> "citat" \'apostrof\' 100 % klart, a:b\nny rad';

function report(failSeverity: 'error' | 'warning' | 'info' = 'error'): Report {
  const dir = tempDir('fsstod-format-');
  const ok = join(dir, 'kommun a.yaml');
  writeFileSync(ok, `formatversion: 1
projekt:
  namn: Test
  kommuner:
    - kod: "1885"
      namn: Lindesberg
handlingsplan:
  mål:
    - id: M1
      text: ${JSON.stringify(HOSTILE)}
  insatser:
    - id: I1
      namn: "Grupp 100 %: a,b"
      mål: [M1]
      nivå: universell
      finansiering: projektmedel
`);
  const broken = join(dir, 'trasig.yaml');
  writeFileSync(broken, 'formatversion: 1\nprojekt: [\n');
  const method = methodView();
  // Paths are shown relative to the working directory, as in a repository.
  const cwd = process.cwd();
  process.chdir(dir);
  const filer = ['kommun a.yaml', 'trasig.yaml'].map((f) => checkFile(f, { rules: RULES, method, config: { regler: new Map() }, steg: [4], grund: 'steg' }));
  process.chdir(cwd);
  return { verktyg: { namn: 'fsstöd', version: '0.1.0' }, scope: { steg: 4 }, regler: [...RULES, FIL_RULE], filer, summary: summarize(filer, failSeverity) };
}

describe('formatters', () => {
  const r = report();

  it('the report has errors, warnings and an unreadable file', () => {
    expect(r.summary.fel).toBeGreaterThan(1);
    expect(r.summary.varningar).toBeGreaterThan(0);
    expect(r.summary.oläsbara).toBe(1);
    expect(r.summary.exitkod).toBe(2);
  });

  it('json validates against schemas/check-rapport.schema.json', () => {
    const data = JSON.parse(FORMATTERS.json!(r));
    const ok = checkRapport(data);
    expect(checkRapport.errors ?? [], JSON.stringify(checkRapport.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(data.filer[1].läst).toBe(false);
    expect(data.filer[1].fynd[0].regel).toBe('fil');
    expect(data.filer[0].fynd.some((x: { meddelande: string }) => x.meddelande.includes('<barn>'))).toBe(true);
  });

  it('json schema rejects a report that breaks it (the test can fail)', () => {
    const data = JSON.parse(FORMATTERS.json!(r));
    data.filer[0].fynd[0].nivå = 'katastrof';
    expect(checkRapport(data)).toBe(false);
  });

  it('junit is well-formed XML, one testsuite per file and one testcase per rule', () => {
    const xml = FORMATTERS.junit!(r);
    const dir = tempDir('fsstod-junit-');
    const f = join(dir, 'junit.xml');
    writeFileSync(f, xml);
    const lint = spawnSync('xmllint', ['--noout', f], { encoding: 'utf8' });
    if (lint.error) {
      const py = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])', f], { encoding: 'utf8' });
      expect(py.status, py.stderr).toBe(0);
    } else {
      expect(lint.status, lint.stderr).toBe(0);
    }
    const py = spawnSync('python3', ['-c', `
import sys, json, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
out = []
for s in root.findall('testsuite'):
    out.append({'name': s.get('name'), 'cases': [c.get('name') for c in s.findall('testcase')],
                'failures': [c.get('name') for c in s.findall('testcase') if c.find('failure') is not None],
                'errors': [c.get('name') for c in s.findall('testcase') if c.find('error') is not None],
                'text': ''.join(c.itertext()) if False else ''.join(s.itertext())})
print(json.dumps(out))
`, f], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const suites = JSON.parse(py.stdout);
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['kommun a.yaml', 'trasig.yaml']);
    expect(suites[0].cases).toEqual(RULES.map((x) => x.id));
    expect(suites[0].failures).toContain('mål-har-indikator');
    expect(suites[0].failures).not.toContain('ordinarie-budget'); // a warning, below --fail-severity error
    expect(suites[0].text).toContain('Föräldrar & <barn> "citat" \'apostrof\'');
    expect(suites[1].errors).toEqual(['fil']);
  });

  it('junit fails warnings too with --fail-severity warning', () => {
    const xml = FORMATTERS.junit!(report('warning'));
    expect(xml).toMatch(/name="ordinarie-budget"[^>]*>\s*<failure type="warning"/);
  });

  it('sarif 2.1.0: rules with helpUri and results with physical locations', () => {
    const log = JSON.parse(FORMATTERS.sarif!(r, { cwd: '/repo', docsUri: (d) => `file:///pkg/${d}`, docsText: () => '# Regel' }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('fsstöd');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual([...RULES.map((x) => x.id), 'fil']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(/^file:\/\/\/pkg\/docs\/regler\/.+\.md$/);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results.length).toBe(r.summary.fel + r.summary.varningar + r.summary.info);
    for (const res of run.results) {
      expect(ids[res.ruleIndex]).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^(kommun%20a|trasig)\.yaml$/);
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      if (res.ruleId !== 'fil') expect(loc.region.startLine).toBeGreaterThan(0);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    expect(run.invocations[0].exitCode).toBe(2);
  });

  it('github: one annotation per finding, escaped', () => {
    const out = FORMATTERS.github!(r);
    const lines = out.trimEnd().split('\n');
    const ann = lines.filter((l) => l.startsWith('::'));
    expect(ann.length).toBe(r.summary.fel + r.summary.varningar + r.summary.info);
    for (const l of ann) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+)?,title=fsstöd check%3A [^,:]+::.+$/);
    expect(out).toContain('file=kommun a.yaml,line=');
    expect(out).toContain('”Grupp 100 %25: a,b”');
    expect(out).toMatch(/::error file=trasig\.yaml,line=\d+,col=\d+,title=fsstöd check%3A fil::ogiltig YAML: .*%0A→ /);
    expect(escapeProperty('a:b,c%\r\n')).toBe('a%3Ab%2Cc%25%0D%0A');
    expect(escapeData('a:b,c%\r\n')).toBe('a:b,c%25%0D%0A');
  });

  it('text: grouped per file with rad:kol, nivå, meddelande, regel and a summary; no colour codes without a terminal', () => {
    const out = FORMATTERS.text!(r, { color: false });
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).toMatch(/kommun a\.yaml {2}\(steg 4\)\n/);
    expect(out).toMatch(/\n {2}\d+:\d+ +fel +Målet M1 .* har ingen indikator.* {2}mål-har-indikator\n/);
    expect(out).toMatch(/\n {2}\d+:\d+ +varning +Arbetet saknar ordinarie budget.* {2}ordinarie-budget\n/);
    expect(out).toMatch(/✖ \d+ fel och \d+ varning(ar)? i 1 fil; 1 fil kontrollerad \(steg 4\)\./);
    expect(out).toContain('1 fil kunde inte läsas');
    expect(FORMATTERS.text!(r, { color: true })).toMatch(/\u001b\[31mfel/);
  });
});

describe('threads', () => {
  it('one per idle core, none for few files, FSSTOD_TRADAR decides when set', async () => {
    const { threadsFor } = await import('../../src/check/parallel.js');
    expect(threadsFor(290, {}, 8, 0)).toBe(7);
    expect(threadsFor(290, {}, 8, 5.5)).toBe(1);
    expect(threadsFor(290, {}, 2, 1.7)).toBe(0);
    expect(threadsFor(10, {}, 8, 0)).toBe(0);
    expect(threadsFor(100, {}, 16, 0)).toBe(3);
    expect(threadsFor(290, { FSSTOD_TRADAR: '0' }, 8, 0)).toBe(0);
    expect(threadsFor(40, { FSSTOD_TRADAR: '3' }, 1, 9)).toBe(3);
  });
});

describe('which rules run', () => {
  it('by document and step', async () => {
    const { ruleInScope } = await import('../../src/check/engine.js');
    const byId = Object.fromEntries(RULES.map((r) => [r.id, r]));
    const ran = (scope: Parameters<typeof ruleInScope>[1]) => RULES.filter((r) => ruleInScope(r, scope)).map((r) => r.id);
    const hp = ran({ dokument: 'handlingsplan', steg: [4], grund: 'dokument' });
    expect(hp).toEqual(expect.arrayContaining(['schema', 'personnummer', 'moment-ifyllda', 'mål-har-insats', 'täckning', 'en-person-samordnar', 'datum-rimliga', 'beslut-komplett']));
    expect(ran({ dokument: 'lägesbild', steg: [3], grund: 'dokument' })).not.toContain('mål-har-insats');
    expect(ran({ dokument: 'uppföljning', steg: [6], grund: 'dokument' })).toEqual(expect.arrayContaining(['fullföljande-indikator', 'datum-rimliga']));
    expect(ran({ dokument: 'uppföljning', steg: [6], grund: 'dokument' })).not.toContain('täckning');
    expect(ran({ steg: [2], grund: 'steg' })).toContain('en-person-samordnar');
    expect(ran({ steg: [4], grund: 'steg' })).not.toContain('en-person-samordnar');
    expect(ran({ dokument: 'handlingsplan', steg: [3], grund: 'steg' })).toEqual(['schema', 'referenser', 'personnummer', 'checklista-besvarad', 'moment-ifyllda', 'beslut-komplett', 'täckning']);
    expect(ran({ steg: [], grund: 'påbörjade' })).toEqual(['schema', 'referenser', 'personnummer']);
    expect(byId['fil']).toBeUndefined();
  });
});

describe('a rule that throws', () => {
  it('becomes an internal error of that rule (exit 2), and the other rules still run', async () => {
    const { checkFile: cf, summarize: sum } = await import('../../src/check/engine.js');
    const dir = tempDir('fsstod-kast-');
    const f = join(dir, 'p.yaml');
    writeFileSync(f, 'formatversion: 1\nprojekt:\n  namn: x\n  kommuner:\n    - kod: "1885"\n      namn: L\n');
    const boom = { ...RULES[0]!, id: 'kastar', check: () => { throw new Error('oj 19121212-1212'); } };
    const r = cf(f, { rules: [boom, ...RULES], method: methodView(), config: { regler: new Map() }, steg: [1], grund: 'steg' });
    expect(r.regler.find((x) => x.id === 'kastar')).toMatchObject({ körd: true, fel: true });
    expect(r.findings.find((x) => x.rule === 'kastar')?.message).toBe('regeln kunde inte köras (internt fel i fsstöd: oj ••••••••-••••)');
    expect(r.regler.filter((x) => x.körd).length).toBeGreaterThan(3);
    expect(sum([r], 'error').exitkod).toBe(2);
  });
});

describe('messageId: the findings, JSON and SARIF name the message, the engine words it', () => {
  const r = report();
  const all = r.filer.flatMap((f) => f.findings);

  it('every finding has one of its rule\'s messageIds', () => {
    const byId = new Map([...RULES, FIL_RULE].map((x) => [x.id, x]));
    expect(all.length).toBeGreaterThan(2);
    for (const x of all) expect(Object.keys(byId.get(x.rule)!.messages), `${x.rule}: ${x.message}`).toContain(x.messageId);
    expect(all.find((x) => x.rule === 'mål-har-indikator')).toMatchObject({ messageId: 'noIndicator', data: { id: 'M1' } });
    expect(all.find((x) => x.rule === 'fil')?.messageId).toBe('unreadable');
  });

  it('json: each finding carries meddelande_id and each rule its templates', () => {
    const j = JSON.parse(FORMATTERS.json!(r));
    const fynd = j.filer.flatMap((f: { fynd: { regel: string; meddelande_id: string }[] }) => f.fynd);
    expect(fynd.map((x: { regel: string; meddelande_id: string }) => `${x.regel}/${x.meddelande_id}`)).toEqual(all.map((x) => `${x.rule}/${x.messageId}`));
    expect(j.regler.find((x: { id: string }) => x.id === 'mål-har-insats').meddelanden.noInsats).toMatch(/\{\{mål\}\}/);
  });

  it('sarif: result.message.id names a messageStrings entry of its rule, whose arguments give the text', () => {
    const run = JSON.parse(FORMATTERS.sarif!(r)).runs[0];
    const withId = run.results.filter((x: { message: { id?: string } }) => x.message.id);
    expect(withId.length).toBe(run.results.length);
    for (const res of run.results) {
      expect(res.properties.messageId).toBe(res.message.id);
      const template: string = run.tool.driver.rules[res.ruleIndex].messageStrings[res.message.id].text;
      // Filling SARIF's {0} {1} … and undoubling the braces gives the text (fil adds its hint).
      const filled = template.replace(/\{(\d+)\}|\{\{|\}\}/g, (m, n) => (n !== undefined ? res.message.arguments[Number(n)] : m[0]));
      expect(res.message.text.startsWith(filled), `${res.ruleId}: ${template}`).toBe(true);
    }
  });

  it('an unknown messageId or a missing value is the rule\'s bug: an internal error, not a half-made message', () => {
    const dir = tempDir('fsstod-mid-');
    const f = join(dir, 'p.yaml');
    writeFileSync(f, 'formatversion: 1\nprojekt:\n  namn: x\n  kommuner:\n    - kod: "1885"\n      namn: L\n');
    const base = { ...RULES[0]!, messages: { a: 'Värdet {{v}}' } };
    const unknown = { ...base, id: 'okänt-id', check: () => [{ path: [], messageId: 'b' }] };
    const noValue = { ...base, id: 'utan-värde', check: () => [{ path: [], messageId: 'a', data: {} }] };
    const fine = { ...base, id: 'rätt', check: () => [{ path: [], messageId: 'a', data: { v: '{{v}} 19121212-1212' } }] };
    const res = checkFile(f, { rules: [unknown, noValue, fine], method: methodView(), config: { regler: new Map() }, steg: [1], grund: 'steg' });
    expect(res.findings.map((x) => `${x.rule} ${x.messageId}`).sort()).toEqual(['okänt-id internalError', 'rätt a', 'utan-värde internalError']);
    // A value is put in once, never read as a template again, and masked.
    expect(res.findings.find((x) => x.rule === 'rätt')).toMatchObject({ message: 'Värdet {{v}} ••••••••-••••', data: { v: '{{v}} ••••••••-••••' } });
  });
});
