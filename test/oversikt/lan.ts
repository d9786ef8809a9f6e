// A fictional län for the översikt's tests: Örebro län's twelve kommuner (reference data),
// two years of project files made from the examples. This year: ten files of their own, one
// samverkan file for Laxå and Askersund, one file that is not YAML, and Ljusnarsberg without
// a file. Last year: fewer files, plans earlier on. Every file says it is fictional.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';
import { readOne } from '../../src/oversikt/read.js';
import { buildOversikt, oversiktContext, resolveLän } from '../../src/oversikt/build.js';
import type { Method } from '../../src/content/types.js';
import type { RenderContext } from '../../src/render/context.js';

const LINDESBERG = readFileSync(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml'), 'utf8');
const HJO_TIDAHOLM = readFileSync(join(ROOT, 'examples', 'hjo-tidaholm', 'projekt.yaml'), 'utf8');

/** A name no report may print, and a valid personnummer (Skatteverket's test number) inside a goal. */
export const SECRET_NAME = 'Anna Hemligsdotter';
export const PNR = '19121212-1212';

type Edit = (d: ReturnType<typeof parseDocument>) => void;

function kommunFile(kod: string, namn: string, edits: Edit[] = []): string {
  const text = LINDESBERG.replace(/kod: "1885"/, `kod: "${kod}"`).replace(/Lindesberg/g, namn);
  const d = parseDocument(text);
  for (const e of edits) e(d);
  return d.toString({ lineWidth: 0 });
}

/** Edits that make the kommuner differ the way real ones do. */
const planStatus = (status: string): Edit => (d) => { d.setIn(['beslut', 'handlingsplan', 'status'], status); if (status !== 'beslutad') d.deleteIn(['beslut', 'handlingsplan', 'datum']); };
const noPlan: Edit = (d) => { d.deleteIn(['handlingsplan']); d.deleteIn(['beslut', 'handlingsplan']); d.deleteIn(['uppföljningar']); d.deleteIn(['genomförande']); };
const onePerson: Edit = (d) => { d.setIn(['organisation', 'samordning', 'personer'], [{ roll: 'Folkhälsostrateg', namn: SECRET_NAME, tjänstgöringsgrad: 20 }]); };
const noOrdinaryBudget: Edit = (d) => {
  d.setIn(['handlingsplan', 'hållbarhet', 'ordinarie_budget'], false);
  const ins = d.getIn(['handlingsplan', 'insatser']) as { items: unknown[] } | undefined;
  (ins?.items ?? []).forEach((_, i) => d.setIn(['handlingsplan', 'insatser', i, 'kostnader'], [{ år: 2026, belopp_kr: 50000, källa: 'projektmedel' }]));
};
/** No indicated support at all (so none for teenagers): indicated insatser and existing support become selective. */
const noIndicated: Edit = (d) => {
  for (const path of [['handlingsplan', 'insatser'], ['analys', 'kartläggning', 'befintligt_stöd']]) {
    const list = d.getIn(path) as { items: { get(k: string): unknown }[] } | undefined;
    (list?.items ?? []).forEach((x, i) => { if (x.get('nivå') === 'indikerad') d.setIn([...path, i, 'nivå'], 'selektiv'); });
  }
};
const secretInGoal: Edit = (d) => { d.setIn(['handlingsplan', 'mål', 0, 'text'], `Kontakt via ${PNR}: föräldrar ska få stöd.`); d.setIn(['projekt', 'samordnare', 'namn'], SECRET_NAME); };
const noFollowUp: Edit = (d) => { d.deleteIn(['uppföljningar']); };

function samverkanFile(): string {
  return HJO_TIDAHOLM
    .replace(/kod: "1497"/, 'kod: "1860"').replace(/kod: "1498"/, 'kod: "1882"')
    .replace(/länskod: "14"/g, 'länskod: "18"').replace(/län: Västra Götalands län/g, 'län: Örebro län')
    .replace(/Hjo/g, 'Laxå').replace(/Tidaholm/g, 'Askersund');
}

const BROKEN = 'formatversion: 2\nprojekt:\n  namn: "Trasig fil\n  kommuner: [\n';

export interface Län { dir: string; iÅr: string; iFjol: string }

export function makeLän(dir: string): Län {
  const iÅr = join(dir, '2026');
  const iFjol = join(dir, '2025');
  mkdirSync(iÅr, { recursive: true });
  mkdirSync(iFjol, { recursive: true });
  const now: [string, string][] = [
    ['1885-lindesberg.yaml', LINDESBERG],
    ['1880-orebro.yaml', kommunFile('1880', 'Örebro')],
    ['1881-kumla.yaml', kommunFile('1881', 'Kumla', [secretInGoal, planStatus('remiss')])],
    ['1883-karlskoga.yaml', kommunFile('1883', 'Karlskoga', [onePerson])],
    ['1884-nora.yaml', kommunFile('1884', 'Nora', [noOrdinaryBudget, planStatus('utkast')])],
    ['1814-lekeberg.yaml', kommunFile('1814', 'Lekeberg', [noIndicated])],
    ['1861-hallsberg.yaml', kommunFile('1861', 'Hallsberg', [noIndicated, onePerson])],
    ['1862-degerfors.yaml', kommunFile('1862', 'Degerfors', [noPlan])],
    ['1863-hallefors.yaml', kommunFile('1863', 'Hällefors', [noIndicated, noFollowUp])],
    ['laxa-askersund.yaml', samverkanFile()],
    ['trasig.yaml', BROKEN],
  ];
  const before: [string, string][] = [
    ['1885-lindesberg.yaml', kommunFile('1885', 'Lindesberg', [noFollowUp])],
    ['1880-orebro.yaml', kommunFile('1880', 'Örebro', [planStatus('utkast'), noIndicated])],
    ['1881-kumla.yaml', kommunFile('1881', 'Kumla', [noPlan])],
    ['1884-nora.yaml', kommunFile('1884', 'Nora', [noPlan])],
    ['laxa-askersund.yaml', samverkanFile()],
  ];
  for (const [f, t] of now) writeFileSync(join(iÅr, f), t);
  for (const [f, t] of before) writeFileSync(join(iFjol, f), t);
  return { dir, iÅr, iFjol };
}

/** The twelve kommuner of Örebro län (data/kommuner.csv). */
export const ÖREBRO_LÄN = ['Askersund', 'Degerfors', 'Hallsberg', 'Hällefors', 'Karlskoga', 'Kumla', 'Laxå', 'Lekeberg', 'Lindesberg', 'Ljusnarsberg', 'Nora', 'Örebro'];

/** A CSV as Excel reads it (semicolons, "" quoting, CRLF), for checking what we write. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The län's översikt context read from makeLän's files (this year's, compared with last year's), as the command makes it. */
export function länContext(method: Method): RenderContext {
  const l = makeLän(tempDir());
  const read = (dir: string) => readdirSync(dir).map((f) => readOne(join(dir, f), method)).flatMap((x) => (x.ok ? [x.s] : []));
  const nu = read(l.iÅr);
  const o = buildOversikt(nu, resolveLän(undefined, nu), { förra: read(l.iFjol), oläsbara: [], method });
  return oversiktContext(o, method, '2026-12-02', true) as RenderContext;
}
