// Issue 13, helper G: the tjänsteskrivelse must not propose what its own underlag does not
// support. Each carried document (handlingsplan, lägesbild, uppföljning) of three examples,
// through the real CLI, read back by programs we did not write: pdftotext (PDF, page by page),
// pandoc (DOCX and HTML), LibreOffice (the DOCX's pages as Word users see them).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, hasStackTrace, runCliAsync, runTool, tempDir } from '../helpers/cli.js';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = ['pandoc', 'pdftotext'].every(have);
const env = { SOURCE_DATE_EPOCH: '1760000000' };
const flat = (s: string) => s.replace(/\s+/g, ' ');
const EXEMPEL = ['lindesberg', 'boras', 'hjo-tidaholm'] as const;
const FÖR = ['handlingsplan', 'lägesbild', 'uppföljning'] as const;
type Ex = (typeof EXEMPEL)[number];
type För = (typeof FÖR)[number];
const fil = (ex: Ex) => join(ROOT, 'examples', ex, 'projekt.yaml');

describe.skipIf(!tools)('the tjänsteskrivelse says what its underlag supports (needs pandoc and pdftotext)', () => {
  let out: string;
  const text: Record<string, Record<string, string>> = {};
  const stderr: Record<string, string> = {};
  const key = (ex: Ex, för: För) => `${ex} ${för}`;
  const pdfOf = (ex: Ex, för: För) => { const d = join(out, ex, för); return join(d, readdirSync(d).find((f) => f.endsWith('.pdf'))!); };
  const docxOf = (ex: Ex, för: För) => { const d = join(out, ex, för); return join(d, readdirSync(d).find((f) => f.endsWith('.docx'))!); };
  /** The text of the tjänsteskrivelse's section under `rubrik`, up to the next heading of the document. */
  const avsnitt = (t: string, rubrik: string, nästa: string) => t.slice(t.indexOf(rubrik) + rubrik.length, t.indexOf(nästa, t.indexOf(rubrik)));

  beforeAll(async () => {
    out = tempDir('fsstod-tj-underlag-');
    const jobs = EXEMPEL.flatMap((ex) => FÖR.map((för) => ({ ex, för })));
    const runs = await Promise.all(jobs.map(({ ex, för }) => runCliAsync(['render', 'tjänsteskrivelse', fil(ex), '--for', för, '--format', 'pdf,docx,html', '--ut', join(out, ex, för)], { env })));
    for (const [k, { ex, för }] of jobs.entries()) {
      const r = runs[k]!;
      if (r.code !== 0 || hasStackTrace(r.stderr)) throw new Error(r.stderr + r.stdout);
      stderr[key(ex, för)] = r.stderr;
      const d = join(out, ex, för);
      const f = (ext: string) => join(d, readdirSync(d).find((n) => n.endsWith(`.${ext}`))!);
      text[key(ex, för)] = {
        pdf: flat(await runTool('pdftotext', [f('pdf'), '-'])),
        docx: flat(await runTool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', f('docx')])),
        html: flat(await runTool('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none', f('html')])),
      };
    }
  }, 300_000);

  // 1. Not ready by check --for <dokument> (Hjo and Borås): a draft, said above the förslag; warned on stderr.
  it.each(['pdf', 'docx', 'html'])('%s: a document that check --for fails is an Utkast, said before the förslag till beslut', (fmt) => {
    for (const ex of ['hjo-tidaholm', 'boras'] as const) for (const för of FÖR) {
      const t = text[key(ex, för)]![fmt]!;
      const at = t.indexOf('Utkast – underlaget är inte klart för beslut:');
      expect(at, `${ex} ${för}`).toBeGreaterThan(0);
      expect(at, `${ex} ${för}`).toBeLessThan(t.indexOf('Förslag till beslut'));
      expect(stderr[key(ex, för)]).toMatch(new RegExp(`^varning: tjänsteskrivelse för ${för}: underlaget är inte klart för beslut \\(fsstöd check --for ${för} hittar \\d+ fel\\)`, 'm'));
    }
    // Hjo's plan: the notice names what is missing, as check does.
    expect(text[key('hjo-tidaholm', 'handlingsplan')]![fmt]).toContain('handlingsplanen har 4 brister som ska åtgärdas först: Moment 4.1 Upprätta en lokal handlingsplan är inte ifyllt;');
    // Lindesberg passes check --for each document: no notice, no warning.
    for (const för of FÖR) {
      expect(text[key('lindesberg', för)]![fmt]).not.toContain('Utkast –');
      expect(stderr[key('lindesberg', för)]).not.toContain('inte klart för beslut');
    }
  });

  it('--strikt refuses the tjänsteskrivelse of a document check --for fails, and makes the one it passes', async () => {
    const dir = tempDir();
    const no = await runCliAsync(['render', 'tjänsteskrivelse', fil('hjo-tidaholm'), '--for', 'handlingsplan', '--strikt', '--format', 'pdf', '--ut', dir], { env });
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/--strikt: check hittar 4 fel/);
    expect(hasStackTrace(no.stderr)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    const yes = await runCliAsync(['render', 'tjänsteskrivelse', fil('lindesberg'), '--for', 'lägesbild', '--strikt', '--format', 'pdf', '--ut', dir], { env });
    expect(yes.code, yes.stderr).toBe(0);
  }, 60_000);

  // 2. A lägesbild has no plan budget; a follow-up shows the plan's budget as the plan's.
  it.each(['pdf', 'docx', 'html'])('%s: Ekonomiska konsekvenser fit the ärende', (fmt) => {
    const läge = avsnitt(text[key('lindesberg', 'lägesbild')]![fmt]!, 'Ekonomiska konsekvenser', 'Barnkonsekvensanalys');
    expect(läge).toContain('Att godkänna lägesbilden och analysen har inga direkta ekonomiska konsekvenser. Kostnaderna för arbetet tas upp i handlingsplanen.');
    for (const x of ['Finansiering', 'Ordinarie budget', 'I1 ']) expect(läge, x).not.toContain(x);
    expect(läge).not.toMatch(/\d kr/);
    const uppf = avsnitt(text[key('lindesberg', 'uppföljning')]![fmt]!, 'Ekonomiska konsekvenser', 'Barnkonsekvensanalys');
    expect(uppf).toMatch(/^ ?Handlingsplanens budget per år och finansieringskälla/);
    expect(uppf).toContain('Ordinarie budget');
    const plan = avsnitt(text[key('lindesberg', 'handlingsplan')]![fmt]!, 'Ekonomiska konsekvenser', 'Barnkonsekvensanalys');
    expect(plan).toContain('Kostnaderna per år och finansieringskälla');
    expect(plan).not.toContain('Handlingsplanens budget');
  });

  // 3. Barnkonsekvensanalys: the file's text, or the plan's words on children's rights where the ärende is the plan — never "Ej ifyllt" and a paragraph.
  it.each(['pdf', 'docx', 'html'])('%s: Barnkonsekvensanalys is one text that fits the ärende', (fmt) => {
    const läge = avsnitt(text[key('lindesberg', 'lägesbild')]![fmt]!, 'Barnkonsekvensanalys', 'Beslutsunderlag').trim();
    expect(läge).toBe('Ej ifyllt');
    const uppf = avsnitt(text[key('lindesberg', 'uppföljning')]![fmt]!, 'Barnkonsekvensanalys', 'Beslutsunderlag');
    expect(uppf).toContain('Barnets rättigheter i handlingsplanen som följs upp. Alla program innehåller ett moment om barnets rättigheter.');
    expect(uppf).not.toContain('Ej ifyllt');
    const plan = avsnitt(text[key('lindesberg', 'handlingsplan')]![fmt]!, 'Barnkonsekvensanalys', 'Beslutsunderlag');
    expect(plan).toContain('Beslutet berör alla barn 0–18 år i kommunen');
    expect(plan).not.toContain('Barnets rättigheter i handlingsplanen');
  });

  // 4. The förslag in running text, and who decides in a samverkan.
  it.each(['pdf', 'docx', 'html'])('%s: the förslag till beslut names the document in running text and who decides', (fmt) => {
    expect(text[key('lindesberg', 'uppföljning')]![fmt]).toContain('Nämnden föreslås besluta att godkänna uppföljningsrapporten för Lindesbergs kommun.');
    expect(text[key('lindesberg', 'lägesbild')]![fmt]).toContain('Kommunstyrelsen föreslås besluta att godkänna lägesbilden och analysen för Lindesbergs kommun.');
    expect(text[key('hjo-tidaholm', 'lägesbild')]![fmt]).toContain('Kommunstyrelserna i Hjo och Tidaholm föreslås besluta att godkänna lägesbilden och analysen för Hjo och Tidaholm.');
    expect(text[key('hjo-tidaholm', 'handlingsplan')]![fmt]).toContain('Kommunstyrelserna i Hjo och Tidaholm föreslås besluta att anta Handlingsplan för föräldraskapsstöd 2027–2030.');
    for (const ex of EXEMPEL) for (const för of FÖR) expect(text[key(ex, för)]![fmt], `${ex} ${för}`).not.toMatch(/godkänna (Lägesbild och analys|Uppföljningsrapport)\./);
  });

  // 5. Plain Swedish: no tool jargon, parts that add up, a summary of the follow-up from its data.
  it.each(['pdf', 'docx', 'html'])('%s: costs, counts and the follow-up\'s summary in plain Swedish', (fmt) => {
    for (const för of FÖR) expect(text[key('hjo-tidaholm', för)]![fmt]).not.toContain('projektfilen anger');
    expect(avsnitt(text[key('hjo-tidaholm', 'handlingsplan')]![fmt]!, 'Ekonomiska konsekvenser', 'Barnkonsekvensanalys').trim()).toBe('Kostnaderna är ännu inte beräknade.');
    const boras = text[key('boras', 'handlingsplan')]![fmt]!;
    expect(boras).toContain('har 7 mål och 6 insatser, varav 2 att införa och 2 att utveckla.');
    expect(boras).toContain('Kostnaderna är ännu inte beräknade.');
    expect(boras).not.toContain('sammanlagt ej angivet');
    // Every amount "ej angivet": one sentence, no table of placeholders.
    expect(avsnitt(boras, 'Ekonomiska konsekvenser', 'Barnkonsekvensanalys').trim()).toBe('Kostnaderna är ännu inte beräknade.');
    const sam = avsnitt(text[key('lindesberg', 'uppföljning')]![fmt]!, 'Sammanfattning', 'Ärendet och bakgrund');
    expect(sam).toContain('Uppföljningen gäller 1 januari 2026–30 september 2026');
    expect(sam).toContain('Av 12 insatser är 4 genomförda, 6 pågående och 2 försenade.');
    expect(sam).toContain('10 av 10 indikatorer är mätta: 4 har nått målvärdet och 6 är på väg mot det.');
    expect(sam).not.toContain('Ej ifyllt');
  });

  // 6. Beslutsunderlag and Expedieras till on one page (PDF and, through LibreOffice, DOCX).
  const pages = async (pdf: string) => (await runTool('pdftotext', [pdf, '-'])).split('\f');
  it('pdf: Beslutsunderlag and Expedieras till share a page in all nine', async () => {
    for (const ex of EXEMPEL) for (const för of FÖR) {
      const ps = await pages(pdfOf(ex, för));
      const a = ps.findIndex((p) => p.includes('Beslutsunderlag')), b = ps.findIndex((p) => p.includes('Expedieras till'));
      expect(a, `${ex} ${för}`).toBeGreaterThanOrEqual(0);
      expect(b, `${ex} ${för}`).toBe(a);
    }
  });
  it.skipIf(!have('soffice'))('docx (LibreOffice): Beslutsunderlag and Expedieras till share a page', async () => {
    const lo = tempDir('fsstod-tj-lo-');
    const docs = [docxOf('hjo-tidaholm', 'handlingsplan'), docxOf('lindesberg', 'handlingsplan'), docxOf('boras', 'uppföljning')];
    spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', lo, ...docs], { stdio: 'ignore', timeout: 240_000 });
    const made = readdirSync(lo).filter((f) => f.endsWith('.pdf'));
    expect(made).toHaveLength(3);
    for (const f of made) {
      const ps = await pages(join(lo, f));
      const a = ps.findIndex((p) => p.includes('Beslutsunderlag')), b = ps.findIndex((p) => p.includes('Expedieras till'));
      expect(a, f).toBeGreaterThanOrEqual(0);
      expect(b, f).toBe(a);
    }
  }, 300_000);
});
