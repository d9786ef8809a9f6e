// The documents fsstöd makes, as the method lists them (content/begrepp.yaml, `dokument`): the one
// list behind render's and check --for's names, `render alla`, the help, the step a decision
// belongs to and the next command after a step. A new document is a template folder
// (templates/<id>/) plus one entry there; nothing here names a document.
import { loadMethod } from './load.js';
import type { Dokument } from './types.js';
import { ascii, namesOf } from './names.js';
import { joinSv } from '../text.js';

export type { Dokument } from './types.js';
export { ascii, namesOf } from './names.js';


/**
 * Every document with a decision of its own (beslut.<id>), in the method's order: what check
 * --for, the schema's beslut and the judgement know. Carriers (the tjänsteskrivelse) are not here.
 */
export function documents(): Dokument[] {
  return loadMethod().begrepp.dokument.filter((d) => !d.bär);
}

/** Every document render makes: the method's, then the carriers (begrepp.dokument with bär). */
export function renderDocuments(): Dokument[] {
  return [...documents(), ...carriers()];
}

/** The documents that carry another one (the tjänsteskrivelse). */
export function carriers(): Dokument[] {
  return loadMethod().begrepp.dokument.filter((d) => d.bär);
}

/** The document a name given on the command line means (case and Unicode form ignored); carriers only with withCarriers. */
export function findDokument(name: string, withCarriers = false): Dokument | undefined {
  const n = name.trim().normalize('NFC').toLowerCase();
  return (withCarriers ? renderDocuments() : documents()).find((d) => namesOf(d).includes(n));
}

/** "lägesbild, handlingsplan eller uppföljning"; with last = ',' "lägesbild, handlingsplan, uppföljning"; withCarriers adds the tjänsteskrivelse. */
export function dokumentWords(last = 'eller', withCarriers = false): string {
  const ids = (withCarriers ? renderDocuments() : documents()).map((d) => d.id);
  return last === ',' ? ids.join(', ') : joinSv(ids, last);
}

/** The other spellings users may type ("lagesbild, uppfoljning"): the ASCII ones. */
export function asciiWords(withCarriers = false): string {
  return (withCarriers ? renderDocuments() : documents()).flatMap((d) => namesOf(d).filter((n) => n !== d.id && n === ascii(d.id))).join(', ');
}

/** The step whose work a document reports and whose decision beslut.<id> is: its last step. */
export function decisionStep(d: Pick<Dokument, 'steg'>): number | undefined {
  return d.steg.length ? Math.max(...d.steg) : undefined;
}

/** The document that a step ends with, if any. */
export function dokumentAfterStep(step: number): Dokument | undefined {
  return documents().find((d) => decisionStep(d) === step);
}
