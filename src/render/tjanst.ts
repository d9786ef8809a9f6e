// The tjänsteskrivelse's view model: what carries a document (handlingsplan, lägesbild or
// uppföljning) to the nämnd that decides on it. It has no decision of its own: every field comes
// from beslut.<the carried document>, and what the file does not say is built from the data the
// other documents print (the plan's title and period, step 1's motivation, the lägesbild, the
// costs). The handläggare is a role, never a name: the tjänsteskrivelse is a public record.
import type { Project, Beslut, Kostnad } from '../project/types.js';
import type { Method } from '../content/types.js';
import { dateInWords } from '../project/dates.js';
import { budgetTable, budgetByPost, periodYears } from './values.js';
import type { DokumentId } from './context.js';
import { genitive } from '../kommuner.js';
import { cap, joinSv } from '../text.js';

/** The carried document's name with the plan's period: "Handlingsplan för föräldraskapsstöd 2025–2028". */
export function ärendeTitel(p: Project, method: Method, för: DokumentId): string {
  const d = method.begrepp.dokument.find((x) => x.id === för)!;
  const per = p.projekt.period;
  const period = per?.från ? ` ${per.från}–${per.till ?? ''}` : '';
  return `${d.titel}${d.id === 'handlingsplan' ? period : ''}`;
}

/**
 * "Kommunfullmäktige föreslås besluta att anta Handlingsplan för föräldraskapsstöd 2025–2028.",
 * "Kommunstyrelsen föreslås besluta att godkänna lägesbilden och analysen för Lindesbergs kommun."
 * Without an organ: "Nämnden" for one kommun; a samverkan names each kommun's kommunstyrelse.
 */
export function förslagText(b: Beslut, method: Method, för: DokumentId, ärende: string, p: Project): string {
  if (b.förslag_till_beslut) return b.förslag_till_beslut;
  const d = method.begrepp.dokument.find((x) => x.id === för)!;
  const namn = p.projekt.kommuner.map((k) => k.namn);
  const organ = b.organ ? cap(b.organ) : namn.length > 1 ? `Kommunstyrelserna i ${joinSv(namn)}` : 'Nämnden';
  // The title in running text: its definite form (content's i_förslag) and whose it is; a plan keeps its proper title.
  const vad = d.i_förslag ? `${d.i_förslag} för ${namn.length > 1 ? joinSv(namn) : `${genitive(namn[0]!)} kommun`}` : ärende;
  return `${organ} föreslås besluta att ${d.beslutsord ?? 'godkänna'} ${vad}.`;
}

export interface Post { namn: string; kostnader: Kostnad[] }

/** What the money goes to: each insats, then the coordinator's post (organisation.samordning.kostnader). */
export function poster(p: Project): Post[] {
  const ins = (p.handlingsplan?.insatser ?? []).filter((i) => i.kostnader?.length).map((i) => ({ namn: `${i.id} ${i.namn}`, kostnader: i.kostnader! }));
  const sam = p.organisation?.samordning?.kostnader;
  return [...ins, ...(sam?.length ? [{ namn: 'Samordning (samordnartjänsten)', kostnader: sam }] : [])];
}

/**
 * The notice at the top of a tjänsteskrivelse whose document is not ready: the errors of
 * check --for <document> (judge/readiness.ts, the one judgement), counted and the first few
 * named. Empty when there are none.
 */
export function utkastText(bestämd: string, fel: string[]): string {
  if (!fel.length) return '';
  // Each finding's first sentence, without the interview's hint ("Svara med fsstöd …", "Lägg till …").
  const kort = [...new Set(fel.map((m) => m.split(/(?<!\d)\. (?=[A-ZÅÄÖ])/)[0]!.replace(/: inte ifyllt: .*$/, ' är inte ifyllt').replace(/\.$/, '').replace(/ \([^)]*\)$/, '')))];
  const visas = kort.slice(0, 3);
  return `Utkast – underlaget är inte klart för beslut: ${bestämd} har ${fel.length === 1 ? 'en brist' : `${fel.length} brister`} som ska åtgärdas först: ${visas.join('; ')}${kort.length > visas.length ? ` med flera` : ''}.`;
}

export function tjänsteskrivelseView(p: Project, method: Method, för: DokumentId, fel: string[] = []) {
  const b: Beslut = p.beslut?.[för] ?? {};
  const ärende = ärendeTitel(p, method, för);
  const år = periodYears(p.projekt.period);
  const ps = poster(p);
  const källa = budgetTable(ps.flatMap((x) => x.kostnader), år);
  const perPost = budgetByPost(ps, år);
  const carried = method.begrepp.dokument.find((x) => x.id === för)!;
  const docs = method.begrepp.dokument.filter((x) => !x.bär);
  const idx = docs.findIndex((x) => x.id === för);
  // The decisions before this one (in the method's order), each as a sentence of the background.
  const tidigare = docs.slice(0, idx).flatMap((d) => {
    const x = p.beslut?.[d.id as DokumentId];
    if (!x || x.status !== 'beslutad') return [];
    const ref = [x.paragraf, x.diarienummer].filter(Boolean).join(', ');
    return [{ text: `${x.organ ?? 'Beslutande organ ej ifyllt'} beslutade ${x.datum ? dateInWords(x.datum) : '(datum ej ifyllt)'}${ref ? ` (${ref})` : ''} om ${d.bestämd}.${x.kommentar ? ` ${x.kommentar}` : ''}` }];
  });
  // The documents the nämnd gets: the carried one, the lägesbild it rests on, and the file's own bilagor.
  const underlag: { namn: string; diarienummer: string }[] = [];
  const docName = (id: DokumentId) => (id === för ? ärende : method.begrepp.dokument.find((x) => x.id === id)!.titel);
  underlag.push({ namn: docName(för), diarienummer: b.diarienummer ?? '' });
  if (för !== 'lägesbild' && (p.analys?.lägesbild || p.beslut?.lägesbild)) underlag.push({ namn: docName('lägesbild'), diarienummer: p.beslut?.lägesbild?.diarienummer ?? '' });
  if (för === 'uppföljning' && p.handlingsplan) underlag.push({ namn: ärendeTitel(p, method, 'handlingsplan'), diarienummer: p.beslut?.handlingsplan?.diarienummer ?? '' });
  for (const x of b.bilagor ?? []) if (!underlag.some((u) => u.namn === x.namn)) underlag.push({ namn: x.namn, diarienummer: x.diarienummer ?? '' });
  const lb = p.analys?.lägesbild?.sammanfattning ?? '';
  return {
    för, ärende, bestämd: carried.bestämd,
    diarienummer: b.diarienummer ?? '', organ: b.organ ?? '', paragraf: b.paragraf ?? '',
    förslag: förslagText(b, method, för, ärende, p),
    sammanfattning: b.sammanfattning ?? '',
    bakgrund: b.bakgrund ?? '',
    motivering: p.förankring?.motivering ?? '',
    lägesbild: för === 'lägesbild' ? '' : lb,
    tidigare,
    utkast: utkastText(carried.bestämd, fel),
    // A lägesbild is decided before there is a plan: the plan's budget is no consequence of it.
    ekonomi: b.ekonomiska_konsekvenser ?? (för === 'lägesbild' ? `Att godkänna ${carried.i_förslag ?? carried.bestämd} har inga direkta ekonomiska konsekvenser. Kostnaderna för arbetet tas upp i handlingsplanen.` : ''),
    // In a follow-up the plan's budget is context, said so in its lead.
    budgetLead: för === 'uppföljning' ? 'Handlingsplanens budget' : 'Kostnaderna',
    // A table whose every amount is "ej angivet" says nothing: the sentence that costs are not yet calculated instead.
    budget: källa && för !== 'lägesbild' && /\d/.test(källa.rader.at(-1)?.celler.at(-1) ?? '') ? { kolumner: källa.kolumner, förklaring: källa.förklaring, rader: källa.rader.map((r) => ({ ...r, källa: cap(r.källa) })) } : undefined,
    // The cost per insats is the plan's own (its budget): only the handlingsplan's tjänsteskrivelse has it.
    perPost: perPost && för === 'handlingsplan' && /\d/.test(källa?.rader.at(-1)?.celler.at(-1) ?? '') ? { kolumner: perPost.kolumner, rader: perPost.rader } : undefined,
    harSamordning: ps.some((x) => x.namn.startsWith('Samordning')),
    barnkonsekvensanalys: b.barnkonsekvensanalys ?? '',
    // The plan's own words on children's rights stand in for an analysis not written, where the ärende is the plan (or its follow-up).
    barnrätt: b.barnkonsekvensanalys || för === 'lägesbild' ? '' : p.handlingsplan?.hållbarhet?.barnrätt ?? '',
    barnrättRubrik: för === 'uppföljning' ? 'Barnets rättigheter i handlingsplanen som följs upp.' : 'Barnets rättigheter i handlingsplanen.',
    underlag,
    expedieras: b.expedieras_till ?? [],
    handläggare: b.handläggare ?? '',
  };
}
