// Issue 13, part T: the tjänsteskrivelse that carries a document to its decision, and the
// handlingsplan as a decision document (document box, sammanfattning first, budget). Everything
// through the real CLI, read back by programs we did not write: pdftotext (PDF), pandoc (DOCX
// and HTML).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, hasStackTrace, runCli, runCliAsync, runTool, tempDir } from '../helpers/cli.js';
import { formatViolations, withChromium } from '../helpers/axe.js';

const LINDESBERG = join(ROOT, 'examples/lindesberg/projekt.yaml');
const HJO = join(ROOT, 'examples/hjo-tidaholm/projekt.yaml');
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = ['pandoc', 'pdftotext'].every(have);
// A render date that is not the decision's: the documents must not take it.
const env = { SOURCE_DATE_EPOCH: '1760000000' };
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The text of each format of the files in a folder whose name includes `part`. */
async function texts(dir: string, part: string): Promise<Record<string, string>> {
  const f = (ext: string) => join(dir, readdirSync(dir).find((n) => n.includes(part) && n.endsWith(`.${ext}`))!);
  return {
    pdf: flat(await runTool('pdftotext', [f('pdf'), '-'])),
    docx: flat(await runTool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', f('docx')])),
    html: flat(await runTool('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none', f('html')])),
  };
}

describe.skipIf(!tools)('fsstöd render tjänsteskrivelse (needs pandoc and pdftotext)', () => {
  let out: string;
  let tj: Record<string, string>;
  let läge: Record<string, string>;
  let plan: Record<string, string>;
  let hjoPlan: Record<string, string>;
  let förankring: Record<string, string>;
  beforeAll(async () => {
    out = tempDir('fsstod-tj-');
    const runs = await Promise.all([
      runCliAsync(['render', 'tjansteskrivelse', LINDESBERG, '--format', 'docx,pdf,html', '--ut', out], { env }),
      runCliAsync(['render', 'tjänsteskrivelse', LINDESBERG, '--for', 'lägesbild', '--format', 'docx,pdf,html', '--ut', out], { env }),
      runCliAsync(['render', 'handlingsplan', LINDESBERG, '--format', 'docx,pdf,html', '--ut', join(out, 'plan')], { env }),
      runCliAsync(['render', 'handlingsplan', HJO, '--format', 'docx,pdf,html', '--ut', join(out, 'hjo')], { env }),
      runCliAsync(['render', 'förankring', LINDESBERG, '--format', 'docx,pdf,html', '--ut', join(out, 'forankring')], { env }),
    ]);
    for (const r of runs) if (r.code !== 0 || hasStackTrace(r.stderr)) throw new Error(r.stderr + r.stdout);
    tj = await texts(out, 'tjänsteskrivelse-handlingsplan');
    läge = await texts(out, 'tjänsteskrivelse-lägesbild');
    plan = await texts(join(out, 'plan'), 'handlingsplan');
    hjoPlan = await texts(join(out, 'hjo'), 'handlingsplan');
    förankring = await texts(join(out, 'forankring'), 'förankring');
  }, 240_000);

  it('is named after kommun, the carried document and its date (handlingsplan by default)', () => {
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()).toEqual([
      'lindesberg-tjänsteskrivelse-handlingsplan-2025-10-09.pdf', 'lindesberg-tjänsteskrivelse-lägesbild-2025-10-09.pdf',
    ]);
  });

  it.each(['pdf', 'docx', 'html'])('%s: ärende, diarienummer, förslag till beslut from who decides and the plan\'s title and period', (fmt) => {
    const t = tj[fmt]!;
    expect(t).toContain('Tjänsteskrivelse: Handlingsplan för föräldraskapsstöd 2025–2028');
    expect(t).toMatch(/Diarienummer: KS 2025\/123/);
    expect(t).toContain('Kommunfullmäktige föreslås besluta att anta Handlingsplan för föräldraskapsstöd 2025–2028.');
    expect(läge[fmt]).toContain('Kommunstyrelsen föreslås besluta att godkänna lägesbilden och analysen för Lindesbergs kommun.');
  });

  it.each(['pdf', 'docx', 'html'])('%s: every section, in the order a nämnd reads them', (fmt) => {
    const t = tj[fmt]!;
    const order = ['Förslag till beslut', 'Sammanfattning', 'Ärendet och bakgrund', 'Ekonomiska konsekvenser', 'Barnkonsekvensanalys', 'Beslutsunderlag', 'Expedieras till'];
    const at = order.map((h) => t.indexOf(h, t.indexOf('Förslag till beslut')));
    for (const [i, h] of order.entries()) expect(at[i], h).toBeGreaterThanOrEqual(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it.each(['pdf', 'docx', 'html'])('%s: the background from step 1, the lägesbild and the earlier decisions', (fmt) => {
    const t = tj[fmt]!;
    expect(t).toContain('Barn i Lindesberg växer upp med ojämlika villkor');
    expect(t).toContain('Lindesberg har många barn i ekonomiskt utsatta hushåll');
    expect(t).toContain('Kommunstyrelsen beslutade 10 december 2024 (§ 214, KS 2024/312) om lägesbilden.');
  });

  it.each(['pdf', 'docx', 'html'])('%s: the costs per year and source, the coordinator\'s post included', (fmt) => {
    const t = tj[fmt]!;
    expect(t).toContain('Samordning (samordnartjänsten)');
    expect(t).toContain('Ordinarie budget');
    expect(t).toContain('Projektmedel');
    expect(t).toContain('Statsbidrag');
    expect(t).toContain('Connect startar 2025 med projektmedel');
  });

  it('pdf: the coordinator\'s post and the funding sources are table rows with one cell per year and a total', async () => {
    const f = join(out, 'lindesberg-tjänsteskrivelse-handlingsplan-2025-10-09.pdf');
    const layout = await runTool('pdftotext', ['-layout', f, '-']);
    // One line per row in the layout; columns stand apart by white space (narrow ones by one space).
    // Amounts are whole (no-break spaces), so the label column may wrap: "(samordnartjänsten)" on the line after.
    expect(layout).toMatch(/^\s*Samordning(?: \(samordnartjänsten\))?\s+590 000 kr\s+600 000 kr\s+610 000 kr\s+620 000 kr\s+–\s+2 420 000 kr\s*(?:\n\s*\(samordnartjänsten\)\s*)?$/m);
    expect(layout).toMatch(/^\s*Finansiering\s+2025\s+2026\s+2027\s+2028\s+År ej angivet\s+Totalt\s*$/m);
    expect(layout).toMatch(/^\s*Projektmedel\s+ca 420 000 kr\s+–\s+–\s+–\s+–\s+ca 420 000 kr\s*$/m);
  });

  it.each(['pdf', 'docx', 'html'])('%s: barnkonsekvensanalys, beslutsunderlag with diarienummer, expedieras till, handläggare as a role', (fmt) => {
    const t = tj[fmt]!;
    expect(t).toContain('Beslutet berör alla barn 0–18 år i kommunen');
    expect(t).toContain('Lägesbild och analys, diarienummer KS 2024/312');
    expect(t).toContain('Handlingsplan för föräldraskapsstöd 2025–2028, diarienummer KS 2025/123');
    for (const x of ['Socialnämnden', 'Bildningsnämnden', 'Region Örebro län, närsjukvårdsområde Norr']) expect(t).toContain(x);
    expect(t).toContain('Handläggare: Folkhälsostrateg, kommunledningsförvaltningen');
  });

  it('says no to --for with a document it does not carry, and to --for on another document', () => {
    const a = runCli(['render', 'tjänsteskrivelse', LINDESBERG, '--for', 'förankring', '--format', 'html', '--ut', tempDir()]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/tjänsteskrivelsen kan inte göras för "förankring"/);
    expect(a.stderr).toMatch(/--for handlingsplan, lägesbild eller uppföljning/);
    const b = runCli(['render', 'handlingsplan', LINDESBERG, '--for', 'lägesbild', '--format', 'html', '--ut', tempDir()]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--for gäller bara tjänsteskrivelsen/);
    for (const r of [a, b]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('render alla makes the method\'s documents, not the tjänsteskrivelse', () => {
    const dir = tempDir();
    expect(runCli(['render', 'alla', LINDESBERG, '--format', 'html', '--ut', dir], { env }).code).toBe(0);
    expect(readdirSync(dir).some((f) => f.includes('tjänsteskrivelse'))).toBe(false);
    expect(readdirSync(dir)).toHaveLength(4);
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: the document box carries the decision\'s date, not the render date', (fmt) => {
    const t = plan[fmt]!;
    for (const s of ['Dokumenttyp: Handlingsplan', 'Beslutad av: Kommunfullmäktige', 'Datum och §: 24 mars 2025, § 28', 'Diarienummer: KS 2025/123',
      'Dokumentägare: Kommunstyrelsen', 'Gäller för: Socialnämnden, bildningsnämnden och kommunstyrelsen', 'Giltig till: 31 december 2028', 'Revideras senast: 30 juni 2028']) {
      // HTML's <dl> reads without the colon (pandoc: term, then definition).
      expect(t.replace(/:/g, ''), s).toContain(s.replace(/:/g, ''));
    }
    expect(t).not.toContain('9 oktober 2025'); // SOURCE_DATE_EPOCH's day
    const h = hjoPlan[fmt]!;
    expect(h.replace(/:/g, '')).toContain('Beslutad av Ej beslutad');
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: the sammanfattning is the first chapter', (fmt) => {
    const t = plan[fmt]!;
    const body = t.slice(t.lastIndexOf('Sammanfattning'));
    expect(t.indexOf('Sammanfattning')).toBeLessThan(t.indexOf('Inledning'));
    expect(t).toContain('Handlingsplanen samlar kommunens föräldraskapsstöd för barn 0–18 år under 2025–2028.');
    expect(body.length).toBeGreaterThan(0);
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: budget per post with the coordinator; never "finansieras i ordinarie budget" when other money is used', (fmt) => {
    const t = plan[fmt]!;
    expect(t).toContain('Kostnaderna per insats och för samordningen');
    expect(t).toContain('Samordning (samordnartjänsten)');
    expect(t).not.toContain('Ja, arbetet finansieras i ordinarie budget'); // the generated text; the kommun's own texts may say it of 2026
    expect(t).toContain('en del insatser finansieras med projektmedel, statsbidrag och extern finansiering');
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: goal types read as goals, indicator types as measures; status values capitalised; a count grouped (defects 7 and 11)', (fmt) => {
    const t = plan[fmt]!;
    expect(t).toMatch(/Lång sikt, effektmål/);
    expect(t).not.toMatch(/sikt, Effektmått/);
    expect(t).toContain('Effektmått'); // the indicators' type
    expect(t).toMatch(/Införa\s+Pågår/);
    expect(t).toContain('% av heltid');
  });

  it.each(['pdf', 'docx', 'html'])('förankring %s: a value that starts a table cell is capitalised (the decision\'s type, an arena\'s huvudman) (defect 7)', (fmt) => {
    const t = förankring[fmt]!;
    expect(t).toContain('Typ Formellt beslut');
    expect(t).not.toMatch(/Typ formellt beslut/);
    expect(t).toContain('Familjecentralen i Lindesberg Kommun Samlokaliserad');
    expect(t).not.toMatch(/Familjecentralen i Lindesberg kommun/);
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: the definitions of 2.3 and the coordinators\' mandate are printed (defect 4)', (fmt) => {
    const t = plan[fmt]!;
    expect(t).toContain('Föräldrar. Med föräldrar menar vi vårdnadshavare');
    expect(t).toContain('Föräldraskapsstöd. Vi utgår från den nationella strategins definition.');
    expect(t).toContain('Ansvar och mandat. Samordnarna har styrgruppens mandat');
    expect(t).toContain('Frekvens: Vartannat år'); // each indicator's frequency, in the follow-up plan
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: does not say it builds on a lägesbild that does not exist', (fmt) => {
    expect(plan[fmt]).toContain('Den bygger på lägesbilden och analysen (steg 3), som kommunstyrelsen beslutade den 10 december 2024 (KS 2024/312)');
    expect(hjoPlan[fmt]).not.toContain('bygger på lägesbilden');
    expect(hjoPlan[fmt]).toContain('Någon lägesbild (steg 3) är ännu inte sammanställd');
  });

  it.each(['pdf', 'docx', 'html'])('handlingsplan %s: a table without rows is a sentence, not a header alone', (fmt) => {
    expect(hjoPlan[fmt]).toContain('Inga uppgifter är ifyllda ännu.');
    expect(hjoPlan[fmt]).not.toMatch(/Id Insats Åtgärd Status Ansvariga/);
  });
});

describe.skipIf(!tools)('the interview asks the new fields, and each answer reaches the tjänsteskrivelse (needs pdftotext)', () => {
  it('step 4 (4.2, beslut.handlingsplan) and step 2 (2.2, samordningens kostnader) by --svar, then render tjänsteskrivelse', async () => {
    const dir = tempDir('fsstod-tj-svar-');
    cpSync(LINDESBERG, join(dir, 'projekt.yaml'));
    writeFileSync(join(dir, 's4.yaml'), [
      'beslut:', '  handlingsplan:', '    bakgrund: BAKGRUNDSTEXT från intervjun.', '    ekonomiska_konsekvenser: EKONOMITEXT från intervjun.',
      '    barnkonsekvensanalys: BARNTEXT från intervjun.', '    handläggare: Utvecklingsledare, socialförvaltningen', '    expedieras_till: [Kultur- och fritidsnämnden]', '',
    ].join('\n'));
    writeFileSync(join(dir, 's2.yaml'), ['organisation:', '  samordning:', '    kostnader:', '      - år: 2027', '        belopp_kr: 123456', '        källa: statsbidrag', ''].join('\n'));
    for (const [steg, f] of [['4', 's4.yaml'], ['2', 's2.yaml']]) {
      const r = await runCliAsync(['step', steg!, 'projekt.yaml', '--svar', f!], { cwd: dir });
      expect(r.code, r.stderr + r.stdout).toBe(0);
    }
    const r = await runCliAsync(['render', 'tjänsteskrivelse', 'projekt.yaml', '--format', 'pdf', '--ut', 'ut'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const pdf = flat(await runTool('pdftotext', [join(dir, 'ut', readdirSync(join(dir, 'ut'))[0]!), '-']));
    for (const x of ['BAKGRUNDSTEXT från intervjun.', 'EKONOMITEXT från intervjun.', 'BARNTEXT från intervjun.', 'Handläggare: Utvecklingsledare, socialförvaltningen', 'Kultur- och fritidsnämnden', '123 456 kr']) expect(pdf, x).toContain(x);
    // The file's own background replaces the generated one.
    expect(pdf).not.toContain('Varför arbetet behövs.');
  }, 120_000);
});

const chromium = ['chromium', 'chromium-browser'].some(have);
describe.skipIf(!chromium)('the tjänsteskrivelse\'s HTML in Chromium with axe-core (needs chromium)', () => {
  it('has 0 violations for each document it carries', async () => {
    const dir = tempDir('fsstod-tj-axe-');
    for (const för of ['handlingsplan', 'lägesbild', 'uppföljning']) {
      const r = await runCliAsync(['render', 'tjänsteskrivelse', LINDESBERG, '--for', för, '--format', 'html', '--ut', dir], { env });
      expect(r.code, r.stderr).toBe(0);
    }
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(files).toHaveLength(3);
    await withChromium(async (b) => {
      for (const f of files) {
        const v = await b.axe(join(dir, f));
        expect(v, `${f}:\n${formatViolations(v)}`).toEqual([]);
      }
    });
  }, 300_000);
});

describe('render warns about what is empty, without --strikt', () => {
  it('an early project: the empty sections and tables are named, the document is still made (exit 0)', () => {
    const r = runCli(['render', 'handlingsplan', HJO, '--format', 'html', '--ut', tempDir()], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^varning: handlingsplan: tomma avsnitt: .*Mål.*Budget/m);
    expect(r.stderr).toMatch(/tabeller utan rader .* under: Insatser/);
    expect(r.stderr).toContain('fsstöd check --for handlingsplan');
  });
  it('the complete example: no warning', () => {
    const r = runCli(['render', 'handlingsplan', LINDESBERG, '--format', 'html', '--ut', tempDir()], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
