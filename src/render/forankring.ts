// The Förankringsunderlag's view model (steps 1–2: förankring, organisation, samverkan): the
// project's values with ids resolved to names and enums and dates in words. Persons appear by
// role and actor, never by name, as in the other documents: the documents are public records.
import type { Project, Beslut, Person, Medlem, Grupp, Åldrar } from '../project/types.js';
import { dateInWords } from '../project/dates.js';
import { cap, medEnhet } from '../text.js';
import { källorOrdnade, numText } from './values.js';
import { allKommuner } from '../kommuner.js';

const jaNej = (b?: boolean) => (b === undefined ? '' : b ? 'Ja' : 'Nej');
const procent = (n?: number) => (n === undefined ? '' : medEnhet(numText(n), '% av heltid'));

function åldrar(a?: Åldrar): string {
  if (!a) return '';
  const parts: string[] = [];
  if (a.graviditet) parts.push('graviditet');
  if (a.från !== undefined || a.till !== undefined) parts.push(`${a.från ?? 0}–${a.till ?? 18} år`);
  return parts.join(', ');
}

/** A decision's fields beyond status, organ, diarienummer and paragraf (which every document's context has), dates in words. */
export function beslutDetaljer(b: Beslut | undefined, referens: (id: string) => string) {
  return {
    datum: dateInWords(b?.datum), dokumentdatum: dateInWords(b?.dokumentdatum), förslag: b?.förslag_till_beslut ?? '', sammanfattning: b?.sammanfattning ?? '',
    handläggare: b?.handläggare ?? '', dokumentägare: b?.dokumentägare ?? '', gällerFör: b?.gäller_för ?? '',
    giltigTill: dateInWords(b?.giltig_till), revideras: dateInWords(b?.revideras_senast), barnkonsekvensanalys: b?.barnkonsekvensanalys ?? '',
    bakgrund: b?.bakgrund ?? '', ekonomiskaKonsekvenser: b?.ekonomiska_konsekvenser ?? '',
    expedieras: (b?.expedieras_till ?? []).join(', '),
    bilagor: (b?.bilagor ?? []).map((x) => ({ namn: x.namn, diarienummer: x.diarienummer ?? '', referens: x.referens ? referens(x.referens) : '' })),
  };
}

const GRUPPTYP: Record<Grupp['typ'], string> = {
  styrgrupp: 'Styrgrupp', arbetsgrupp: 'Arbetsgrupp', beredningsgrupp: 'Beredningsgrupp', projektgrupp: 'Projektgrupp',
  referensgrupp: 'Referensgrupp', forskargrupp: 'Forskargrupp', nätverk: 'Nätverk', annan: 'Annan grupp',
};

export function förankringView(p: Project) {
  const f = p.förankring ?? {};
  const o = p.organisation ?? {};
  const aktörer = new Map((o.aktörer ?? []).map((a) => [a.id, a.namn]));
  const arenor = new Map((o.arenor ?? []).map((a) => [a.id, a.namn]));
  const aktör = (id?: string) => (id ? aktörer.get(id) ?? id : '');
  // Role (or body) and actor; a person's name is left out on purpose.
  const person = (x: Person | Medlem) => ({ roll: x.roll ?? '', organ: 'organ' in x ? x.organ ?? '' : '', aktör: aktör(x.aktör), tid: procent(x.tjänstgöringsgrad) });
  const b = f.bedömning;
  const sv = p.projekt.samverkan;
  const kontakt = p.projekt.samordnare;
  return {
    motivering: f.motivering ?? '', sammanhang: f.sammanhang ?? '', skiss: f.skiss ?? '', förankringsplan: f.förankringsplan ?? '',
    stödjandeOrganisation: f.stödjande_organisation ?? '', källor: källorOrdnade(f.källor),
    bedömning: b ? { typ: cap(b.typ ?? ''), av: b.av ?? '', datum: dateInWords(b.datum), beskrivning: b.beskrivning ?? '' } : undefined,
    omfattning: { åldrar: åldrar(p.projekt.omfattning?.åldrar), målgrupper: p.projekt.omfattning?.målgrupper ?? '' },
    kontakt: kontakt ? person(kontakt) : undefined,
    kommuner: p.projekt.kommuner.map((k) => ({
      namn: k.namn, kod: k.kod, // The län by its name only (the code is for registers, not for a nämnd); from SCB's list when only the code is given.
      län: k.län ?? (k.länskod ? allKommuner().find((x) => x.länskod === k.länskod)?.län ?? '' : ''), länskod: k.länskod ?? '', roll: k.roll ?? '' })),
    samverkan: sv ? { namn: sv.namn ?? '', organisation: sv.organisation ?? '', beskrivning: sv.beskrivning ?? '', parter: (sv.parter ?? []).map((x) => ({ namn: x.namn, typ: x.typ ?? '', roll: x.roll ?? '' })) } : undefined,
    referenser: (p.projekt.referenser ?? []).map((r) => ({ id: r.id, typ: r.typ ?? '', rubrik: r.rubrik, organ: r.organ ?? '', datum: dateInWords(r.datum), diarienummer: r.diarienummer ?? '', kommentar: r.kommentar ?? '' })),
    struktur: o.struktur ?? '',
    arenor: (o.arenor ?? []).map((x) => ({ id: x.id, namn: x.namn, huvudman: cap(x.huvudman ?? ''), beskrivning: x.beskrivning ?? '' })),
    aktörer: (o.aktörer ?? []).map((x) => ({ id: x.id, namn: x.namn, huvudman: cap(x.huvudman ?? ''), förvaltning: x.förvaltning ?? '', arenor: (x.arenor ?? []).map((id) => arenor.get(id) ?? id).join(', '), inbjuden: jaNej(x.inbjuden), beskrivning: x.beskrivning ?? '' })),
    grupper: (o.grupper ?? []).map((g) => ({
      id: g.id, typ: GRUPPTYP[g.typ] ?? g.typ, rubrik: g.namn ?? g.organ ? `${GRUPPTYP[g.typ]}: ${g.namn ?? g.organ}` : GRUPPTYP[g.typ], namn: g.namn ?? '', organ: g.organ ?? '', finns: jaNej(g.finns),
      befintligStruktur: g.befintlig_struktur ?? '', medlemmar: (g.medlemmar ?? []).map(person),
      // The group's texts, in the order the method asks for them (2.2, checklist 2 c3–c4).
      texter: ([['Syfte', g.syfte], ['Uppdrag', g.uppdrag], ['Mandat', g.mandat], ['Resurser', g.resurser], ['Rollfördelning', g.rollfördelning],
        ['Mötesfrekvens', g.mötesfrekvens], ['Sammankallande', g.sammankallande], ['Kompetensutveckling', g.kompetensutveckling]] as const)
        .filter(([, t]) => t).map(([rubrik, text]) => ({ rubrik, text })),
    })),
    samordning: { personer: (o.samordning?.personer ?? []).map(person), mandat: o.samordning?.mandat ?? '', kompetensutveckling: o.samordning?.kompetensutveckling ?? '' },
    definitioner: { föräldrar: o.definitioner?.föräldrar ?? '', föräldraskapsstöd: o.definitioner?.föräldraskapsstöd ?? '' },
    organisationKällor: källorOrdnade(o.källor),
  };
}
