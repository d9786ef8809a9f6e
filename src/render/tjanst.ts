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

/** The carried document's name with the plan's period: "Handlingsplan för föräldraskapsstöd 2025–2028". */
export function ärendeTitel(p: Project, method: Method, för: DokumentId): string {
  const d = method.begrepp.dokument.find((x) => x.id === för)!;
  const per = p.projekt.period;
  const period = per?.från ? ` ${per.från}–${per.till ?? ''}` : '';
  return `${d.titel}${d.id === 'handlingsplan' ? period : ''}`;
}

/** "Kommunfullmäktige föreslås besluta att anta Handlingsplan för föräldraskapsstöd 2025–2028." */
export function förslagText(b: Beslut, method: Method, för: DokumentId, ärende: string): string {
  if (b.förslag_till_beslut) return b.förslag_till_beslut;
  const d = method.begrepp.dokument.find((x) => x.id === för)!;
  const organ = b.organ ? b.organ.charAt(0).toUpperCase() + b.organ.slice(1) : 'Nämnden';
  return `${organ} föreslås besluta att ${d.beslutsord ?? 'godkänna'} ${ärende}.`;
}

export interface Post { namn: string; kostnader: Kostnad[] }

/** What the money goes to: each insats, then the coordinator's post (organisation.samordning.kostnader). */
export function poster(p: Project): Post[] {
  const ins = (p.handlingsplan?.insatser ?? []).filter((i) => i.kostnader?.length).map((i) => ({ namn: `${i.id} ${i.namn}`, kostnader: i.kostnader! }));
  const sam = p.organisation?.samordning?.kostnader;
  return [...ins, ...(sam?.length ? [{ namn: 'Samordning (samordnartjänsten)', kostnader: sam }] : [])];
}

export function tjänsteskrivelseView(p: Project, method: Method, för: DokumentId) {
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
    förslag: förslagText(b, method, för, ärende),
    sammanfattning: b.sammanfattning ?? '',
    bakgrund: b.bakgrund ?? '',
    motivering: p.förankring?.motivering ?? '',
    lägesbild: för === 'lägesbild' ? '' : lb,
    tidigare,
    ekonomi: b.ekonomiska_konsekvenser ?? '',
    budget: källa ? { kolumner: källa.kolumner, förklaring: källa.förklaring, rader: källa.rader.map((r) => ({ ...r, källa: r.källa.charAt(0).toUpperCase() + r.källa.slice(1) })) } : undefined,
    // The cost per insats is the plan's own (its budget): only the handlingsplan's tjänsteskrivelse has it.
    perPost: perPost && för === 'handlingsplan' ? { kolumner: perPost.kolumner, rader: perPost.rader } : undefined,
    harSamordning: ps.some((x) => x.namn.startsWith('Samordning')),
    barnkonsekvensanalys: b.barnkonsekvensanalys ?? '',
    barnrätt: p.handlingsplan?.hållbarhet?.barnrätt ?? '',
    underlag,
    expedieras: b.expedieras_till ?? [],
    handläggare: b.handläggare ?? '',
  };
}
