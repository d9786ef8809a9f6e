// A document marked beslutad names the body that decided, the date and the diarienummer.
import type { Rule, RuleFinding } from '../types.js';
import { cap, isDate, isObj, isText, joinSv } from './util.js';

const STEP: Record<string, number> = { lägesbild: 3, handlingsplan: 4, uppföljning: 6 };
const WORDS: Record<string, string> = { lägesbild: 'lägesbilden', handlingsplan: 'handlingsplanen', uppföljning: 'uppföljningsrapporten' };

export const beslutKomplett: Rule = {
  id: 'beslut-komplett',
  severity: 'error',
  beskrivning: 'Ett dokument med status beslutad anger vilket organ som beslutade, datum och diarienummer.',
  avsnitt: '4.2 Förankra och besluta om handlingsplanen; Checklista 4 fråga 4',
  steg: [3, 4, 6],
  dokument: [],
  docs: 'docs/regler/beslut-komplett.md',
  messages: {
    incomplete: '{{dokument}} är markerad som beslutad men saknar {{saknas}}. Ange vem som beslutade, när och under vilket diarienummer, eller ändra status till utkast eller remiss',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const beslut = ctx.data.beslut;
    if (!isObj(beslut)) return out;
    for (const d of ctx.method.dokumentIds) {
      if (ctx.scope.dokument ? ctx.scope.dokument !== d : !ctx.inScope(STEP[d]!)) continue;
      const b = (beslut as Record<string, unknown>)[d];
      if (!isObj(b) || b.status !== 'beslutad') continue;
      const missing = [isText(b.organ) ? '' : 'organ', isDate(b.datum) ? '' : 'datum', isText(b.diarienummer) ? '' : 'diarienummer'].filter(Boolean);
      if (missing.length) {
        out.push({ path: ['beslut', d], messageId: 'incomplete', data: { dokument: cap(WORDS[d]!), saknas: joinSv(missing) } });
      }
    }
    return out;
  },
};
