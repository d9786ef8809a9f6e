// TypeScript view of schemas/projekt.schema.json (formatversion 1). Valid data (after
// validateProject) has this shape; every field except formatversion and projekt is optional.
// Keep in step with the schema when either changes.

export type Id = string;
export type Datum = string; // ÅÅÅÅ-MM-DD
export type Nivå = 'universell' | 'selektiv' | 'indikerad';
export type Måtttyp = 'struktur' | 'process' | 'resultat' | 'effekt';
export type Huvudman = 'kommun' | 'region' | 'civilsamhälle' | 'privat' | 'stat' | 'annan';
export type Beslutsstatus = 'utkast' | 'remiss' | 'beslutad';
export type Checkstatus = 'ja' | 'delvis' | 'nej' | 'ej aktuellt';

export interface Åldrar { från?: number; till?: number; graviditet?: boolean }
export interface Räckvidd { antal_föräldrar?: number; andel_procent?: number; år?: number; kommentar?: string }
export interface Person { roll: string; namn?: string; aktör?: Id; tjänstgöringsgrad?: number }
export interface Grupp {
  finns?: boolean; befintlig_struktur?: string; medlemmar?: Person[]; mandat?: string; uppdrag?: string;
  resurser?: string; rollfördelning?: string; syfte?: string; mötesfrekvens?: string; sammankallande?: string;
  kompetensutveckling?: string;
}
export interface Beslut { status?: Beslutsstatus; organ?: string; datum?: Datum; diarienummer?: string; paragraf?: string; kommentar?: string }
export interface Checksvar { status?: Checkstatus; kommentar?: string; åtgärd?: { vad?: string; vem?: string; när?: Datum } }
export type Checklista = Record<string, Checksvar>;

export interface Kommunpost { kod: string; namn: string; länskod?: string; län?: string }
export interface Projektinfo {
  namn: string; kommuner: Kommunpost[]; period?: { från?: number; till?: number }; version?: string;
  samordnare?: Person; exempel?: boolean;
}

export interface Förankring {
  motivering?: string; sammanhang?: string; skiss?: string;
  bedömning?: { typ?: 'preliminär bedömning' | 'formellt beslut' | 'saknas'; av?: string; datum?: Datum; beskrivning?: string };
  förankringsplan?: string; stödjande_organisation?: string;
}

export interface Arena { id: Id; namn: string; huvudman?: Huvudman; beskrivning?: string }
export interface Aktör { id: Id; namn: string; huvudman?: Huvudman; förvaltning?: string; arenor?: Id[]; inbjuden?: boolean; beskrivning?: string }
export interface Organisation {
  struktur?: string; arenor?: Arena[]; aktörer?: Aktör[]; styrgrupp?: Grupp; arbetsgrupp?: Grupp;
  samordning?: { personer?: Person[]; mandat?: string; kompetensutveckling?: string };
  definitioner?: { föräldrar?: string; föräldraskapsstöd?: string };
}

export interface Nyckeltal {
  id: Id; namn: string; kategori?: string; värde: number; enhet?: string; år?: number; källa?: string; område?: string;
  per_kön?: { flickor?: number; pojkar?: number; kvinnor?: number; män?: number }; jämförelse?: number;
}
export interface BefintligtStöd {
  id: Id; namn: string; typ?: string; aktör?: Id; arena?: Id; nivå?: Nivå; åldrar?: Åldrar; målgrupp?: string;
  räckvidd?: Räckvidd; uppföljning?: string; forskningsstöd?: 'starkt' | 'visst' | 'otillräckligt' | 'ej bedömt';
  kostnad_kr?: number; kommentar?: string;
}
export interface Utvecklingsbehov {
  id: Id; rubrik: string; beskrivning?: string; område?: 'arbetssätt och metoder' | 'målgrupper' | 'aktörer' | 'förutsättningar';
  prioritet?: 'hög' | 'medel' | 'låg'; underlag?: Id[]; uppskjutet?: string;
}
export type Svar = Record<string, string>;
export interface Analys {
  målgruppsanalys?: {
    demografi?: string; risk_och_skyddsfaktorer?: string; utfall?: string; särskilda_behov?: string;
    upplevda_behov?: string; perspektiv?: string; nyckeltal?: Nyckeltal[];
  };
  kartläggning?: { svar?: Svar; forskningsstöd?: string; perspektiv?: string; befintligt_stöd?: BefintligtStöd[] };
  förutsättningar?: { metod?: string; faktorer?: Record<string, { bedömning?: number; kommentar?: string }> };
  lägesbild?: { sammanfattning?: string; analysfrågor?: { rätt_saker?: Svar; når_fram?: Svar; fungerar?: Svar; förutsättningar?: Svar } };
  utvecklingsbehov?: Utvecklingsbehov[];
  återkoppling?: { beskrivning?: string; datum?: Datum; barn_involverade?: string };
}

export interface Mål { id: Id; text: string; horisont?: 'kort' | 'medellång' | 'lång'; typ?: Måtttyp; behov?: Id[] }
export interface Insats {
  id: Id; namn: string; åtgärd?: 'införa' | 'utveckla' | 'avveckla'; beskrivning?: string; mål?: Id[]; befintligt_stöd?: Id;
  ansvarig?: Id; aktörer?: Id[]; arenor?: Id[]; målgrupp?: string; nivå?: Nivå; åldrar?: Åldrar; räckvidd?: Räckvidd;
  anpassningar?: string; start?: Datum; slut?: Datum; kostnad_kr?: number;
  finansiering?: 'ordinarie budget' | 'projektmedel' | 'statsbidrag' | 'extern' | 'ingen kostnad';
}
export interface Förutsättning { id: Id; beskrivning: string; typ?: string; insatser?: Id[]; ansvarig?: string; klart?: Datum }
export interface Indikator {
  id: Id; namn: string; typ?: Måtttyp; mål?: Id[]; insatser?: Id[]; enhet?: string; utgångsvärde?: number; målvärde?: number;
  riktning?: 'öka' | 'minska'; måldatum?: Datum; källa?: string; frekvens?: string;
}
export interface Kommunikationsaktivitet { id: Id; målgrupp: string; budskap?: string; kanal?: string; språk?: string[]; ansvarig?: string; när?: string }
export interface Handlingsplan {
  koppling?: string;
  perspektiv?: { rättigheter_jämlikhet?: string; hållbarhet?: string; kommunikation?: string; personalutveckling?: string };
  mål?: Mål[]; insatser?: Insats[]; förutsättningar?: Förutsättning[];
  uppföljningsplan?: { beskrivning?: string; redovisning?: string; utvärdering?: string; ansvarig?: string; indikatorer?: Indikator[] };
  kommunikationsplan?: { beskrivning?: string; samverkansöverenskommelser?: string; aktiviteter?: Kommunikationsaktivitet[] };
  hållbarhet?: { jämställdhet_jämlikhet?: string; nå_fler?: string; barnrätt?: string; normkritik?: string; långsiktighet?: string; ordinarie_budget?: boolean };
  förankring?: string;
}

export interface Genomförande {
  tvärperspektiv?: string; ordinarie_verksamhet?: string; metoder?: string; pilot?: string; anpassningar?: string;
  kompetens?: string; organisatoriskt_stöd?: string; ledarskap?: string;
}

export interface Insatsuppföljning {
  insats: Id; status?: 'ej påbörjad' | 'pågår' | 'genomförd' | 'försenad' | 'avbruten'; inom_tidsram?: boolean;
  nådda_föräldrar?: number; fullföljt_procent?: number; kommentar?: string;
  beslut?: 'fortsätta' | 'sprida' | 'anpassa' | 'avveckla'; motivering?: string;
}
export interface Utfall { indikator: Id; värde?: number; datum?: Datum; kommentar?: string }
export interface Uppföljning {
  period?: { från?: Datum; till?: Datum }; svar?: Svar; insatser?: Insatsuppföljning[]; utfall?: Utfall[];
  upplevelse?: { föräldrar?: string; personal?: string }; utvärdering?: string;
  återkoppling?: { beskrivning?: string; datum?: Datum }; lärdomar?: string; anpassa_sprida?: string;
}

export interface Project {
  formatversion: 1;
  projekt: Projektinfo;
  förankring?: Förankring;
  organisation?: Organisation;
  analys?: Analys;
  handlingsplan?: Handlingsplan;
  genomförande?: Genomförande;
  uppföljning?: Uppföljning;
  /** One per document (content/begrepp.yaml, dokument), by its id. */
  beslut?: Partial<Record<string, Beslut>>;
  checklistor?: Partial<Record<'steg1' | 'steg2' | 'steg3' | 'steg4' | 'steg5' | 'steg6', Checklista>>;
}
