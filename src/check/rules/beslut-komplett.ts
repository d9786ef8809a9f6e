// A document marked beslutad names the body that decided, the date and the diarienummer.
// The documents, their decisions' steps and their names in running text come from content
// (begrepp.dokument): a new document needs no change here.
import { decisionStep, documents } from '../../content/dokument.js';
import type { Rule, RuleFinding } from '../types.js';
import { cap, isDate, isObj, isText, joinSv } from './util.js';

export const beslutKomplett: Rule = {
  id: 'beslut-komplett',
  severity: 'error',
  beskrivning: 'Ett dokument med status beslutad anger vilket organ som beslutade, datum och diarienummer.',
  avsnitt: '4.2 Förankra och besluta om handlingsplanen; Checklista 4 fråga 4',
  /** The steps the decisions belong to. */
  get steg() {
    return [...new Set(documents().map(decisionStep).filter((s): s is number => s !== undefined))];
  },
  dokument: [],
  docs: 'docs/regler/beslut-komplett.md',
  messages: {
    incomplete: '{{dokument}} är markerad som beslutad men saknar {{saknas}}. Ange vem som beslutade, när och under vilket diarienummer, eller ändra status till utkast eller remiss',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const beslut = ctx.data.beslut;
    if (!isObj(beslut)) return out;
    for (const dok of documents()) {
      const d = dok.id;
      if (ctx.scope.dokument ? ctx.scope.dokument !== d : !ctx.inScope(decisionStep(dok)!)) continue;
      const b = (beslut as Record<string, unknown>)[d];
      if (!isObj(b) || b.status !== 'beslutad') continue;
      const missing = [isText(b.organ) ? '' : 'organ', isDate(b.datum) ? '' : 'datum', isText(b.diarienummer) ? '' : 'diarienummer'].filter(Boolean);
      if (missing.length) {
        out.push({ path: ['beslut', d], messageId: 'incomplete', data: { dokument: cap(dok.bestämd), saknas: joinSv(missing) } });
      }
    }
    return out;
  },
};
