// Types of the method as data (content/*.yaml, checked by content/schema.json at build).

export interface Question {
  id: string;
  text: string;
  delfrågor?: Question[];
  /** An open checklist question ("Vilka …?"): a text answer is asked beside the status. */
  öppen?: boolean;
  /** A status that contradicts an earlier answer (a field that is answered): pointed out. */
  motsägelse?: { status: string[]; fält: string; text: string }[];
}

/**
 * A show-if rule (begrepp.visa_om): the fields matching `fält` ("[]" any item, "*" any key),
 * except `utom`, are asked only when the condition on a sibling field holds.
 */
export interface ShowIf {
  fält: string;
  utom?: string[];
  om: { fält: string; är?: unknown[]; inte?: unknown[]; besvarat?: boolean };
  varför: string;
}
export interface Part { id: string; titel: string; vägledning: string; fält: string[] }
export interface QuestionGroup { id: string; titel: string; frågor: Question[] }

export interface Moment {
  nummer: string;
  titel: string;
  vägledning: string;
  /** Dotted paths into the project file that this moment fills. */
  fält: string[];
  delar?: Part[];
  /** Questions the guide lists for the moment (3.2, 6.1), answered in the map at `svar_i`. */
  frågor?: Question[];
  /** 3.4's analysis question groups, answered at `svar_i.<grupp>.<fråga>`. */
  frågegrupper?: QuestionGroup[];
  svar_i?: string;
}

export interface Step {
  nummer: number;
  titel: string;
  syfte: string;
  /** Step-level fields (e.g. step 4's four perspectives). */
  fält: string[];
  moment: Moment[];
  checklista: { titel: string; frågor: Question[] };
}

export interface Begrepp {
  visa_om?: ShowIf[];
  preventionsnivåer: { id: 'universell' | 'selektiv' | 'indikerad'; titel: string; beskrivning: string }[];
  perspektiv: { id: string; titel: string; beskrivning: string }[];
  /** titel names the measure (Effektmått, for indicators), måltitel the goal (Effektmål). */
  måtttyper: { id: 'struktur' | 'process' | 'resultat' | 'effekt'; titel: string; måltitel: string; beskrivning: string }[];
  faktorer: { nummer: number; id: string; titel: string; beskrivning: string }[];
  bedömningsskala: { värde: number; titel: string }[];
  checkstatus: { id: string; titel: string }[];
  åldersband: { id: string; titel: string; från?: number; till?: number; graviditet?: boolean }[];
  nationella_strategin: { perspektiv: string[]; målområden: string[] };
  dokument: Dokument[];
  /** The method's explanations where the interview needs them (shown by src/interview/hints.ts). */
  hjälp?: Hjälp[];
}

/**
 * An explanation shown at the questions it belongs to: a text, or the items of one of the
 * lists above (all, or with `en` the one whose id is the field's last key).
 */
export interface Hjälp {
  id: string;
  /** MFoF's common pitfalls are marked as such. */
  typ?: 'fallgrop';
  /** Field patterns as patternOf writes them ("handlingsplan.insatser[].nivå"); * is any one key. */
  vid: string[];
  rubrik?: string;
  text?: string;
  begrepp?: 'preventionsnivåer' | 'måtttyper' | 'faktorer' | 'perspektiv';
  en?: boolean;
  /** Where the text comes from. */
  källa: string;
}

/**
 * A document fsstöd makes (begrepp.dokument). Its id names the command's argument, the template
 * folder (templates/<id>/), the file names and beslut.<id> in the project file.
 */
export interface Dokument {
  id: string;
  titel: string;
  /** The short name in messages and the schema's title of beslut.<id> (default: titel). */
  namn?: string;
  /** The name's definite form in running text ("lägesbilden"), which code cannot derive. */
  bestämd: string;
  /** The whole title in the definite form, as the förslag till beslut writes it ("lägesbilden och analysen"; default: titel). */
  i_förslag?: string;
  /** Whether it shows coverage by age band and prevention level (the täckning rule is about it). */
  täckning?: boolean;
  /** Other names it answers to (their ASCII spellings too), e.g. uppföljningsrapport. */
  alias?: string[];
  /** The steps it reports; the last one is the step its decision belongs to. */
  steg: number[];
  /** The moments whose answers it needs (check --for). */
  moment: string[];
  /**
   * A document that carries another one to the decision-makers (the tjänsteskrivelse): the
   * documents it may carry, the first the default. It has no decision, steps or check of its own.
   */
  bär?: string[];
  /** The verb of the decision a tjänsteskrivelse proposes ("anta", "godkänna"). */
  beslutsord?: string;
}

export interface Method {
  steg: Step[];
  begrepp: Begrepp;
}
