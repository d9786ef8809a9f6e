// The registry: every rule check runs, in the order they are listed in reports.
import type { Rule } from '../types.js';
import { schema } from './schema.js';
import { referenser } from './referenser.js';
import { personnummer } from './personnummer.js';
import { checklistaBesvarad } from './checklista-besvarad.js';
import { momentIfyllda } from './moment-ifyllda.js';
import { behovAdresserat } from './behov-adresserat.js';
import { målHarInsats } from './mål-har-insats.js';
import { målHarIndikator } from './mål-har-indikator.js';
import { insatsKomplett } from './insats-komplett.js';
import { datumRimliga } from './datum-rimliga.js';
import { beslutKomplett } from './beslut-komplett.js';
import { täckning } from './täckning.js';
import { enPersonSamordnar } from './en-person-samordnar.js';
import { ordinarieBudget } from './ordinarie-budget.js';
import { svåraAttNå } from './svåra-att-nå.js';
import { fullföljandeIndikator } from './fullföljande-indikator.js';

export const RULES: Rule[] = [
  schema,
  referenser,
  personnummer,
  checklistaBesvarad,
  momentIfyllda,
  behovAdresserat,
  målHarInsats,
  målHarIndikator,
  insatsKomplett,
  datumRimliga,
  beslutKomplett,
  täckning,
  enPersonSamordnar,
  ordinarieBudget,
  svåraAttNå,
  fullföljandeIndikator,
];

/**
 * Not a rule module but a finding kind: a file that could not be read as a project file
 * (missing, not UTF-8, invalid YAML, not a project file). It cannot be switched off.
 */
export const FIL_MESSAGE = 'unreadable';
export const FIL_RULE: Rule = {
  id: 'fil',
  severity: 'error',
  beskrivning: 'Filen kan läsas som en fsstöd-projektfil: den finns, är UTF-8, är giltig YAML och har formatversion 1.',
  avsnitt: 'Projektfilens format',
  steg: [],
  dokument: [],
  docs: 'docs/regler/fil.md',
  // The loader's message (src/project/load.ts) as it stands.
  messages: { [FIL_MESSAGE]: '{{fel}}' },
  check: () => [],
};
