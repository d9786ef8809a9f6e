// Each step of the method ends with a checklist. Every question of the steps in scope is
// answered, and a nej or delvis says what will be done next.
import { checklistUnits } from '../../judge/index.js';
import type { Rule, RuleFinding } from '../types.js';
import { existing, get, isObj, short } from './util.js';

export const checklistaBesvarad: Rule = {
  id: 'checklista-besvarad',
  severity: 'error',
  beskrivning: 'Varje fråga i checklistan för stegen som kontrolleras är besvarad, och ett nej eller delvis har ett nästa steg (åtgärd › vad).',
  avsnitt: 'Checklistorna 1–6 i slutet av varje steg',
  steg: [1, 2, 3, 4, 5, 6],
  dokument: [],
  docs: 'docs/regler/checklista-besvarad.md',
  messages: {
    checklistUnanswered: '{{titel}} är inte besvarad ({{antal}} frågor: {{frågor}}). Svara med fsstöd step {{steg}} --checklista',
    questionUnanswered: 'Checklista {{steg}}, fråga {{fråga}} är inte besvarad: ”{{text}}” (svara ja, delvis, nej eller ej aktuellt)',
    noNextStep: 'Checklista {{steg}}, fråga {{fråga}} är besvarad med {{status}} men saknar nästa steg: skriv i åtgärd › vad vad som ska göras (och gärna vem och när)',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const step of ctx.method.steps) {
      if (!ctx.inScope(step.nummer)) continue;
      const units = checklistUnits(ctx.data, step);
      if (!units.some((u) => u.answered || u.utanÅtgärd)) {
        // Nothing answered yet: one finding for the whole checklist, not one per question.
        const at = existing(ctx.data, ['checklistor', `steg${step.nummer}`]);
        out.push({ path: at, key: true, messageId: 'checklistUnanswered', data: { titel: step.checklista.titel, antal: units.length, frågor: units.map((u) => String(u.path[2])).join(', '), steg: step.nummer } });
        continue;
      }
      for (const u of units) {
        const id = String(u.path[2]);
        if (!u.answered && !u.utanÅtgärd) {
          // Where the answer would go: its status if the question is there, else the nearest existing key.
          const at = existing(ctx.data, [...u.path, 'status']);
          out.push({ path: at, key: at.length < u.path.length + 1, messageId: 'questionUnanswered', data: { steg: step.nummer, fråga: id, text: short(u.label, 90) } });
          continue;
        }
        if (u.utanÅtgärd) {
          const svar = get(ctx.data, u.path) as Record<string, unknown>;
          out.push({ path: [...u.path, isObj(svar.åtgärd) ? 'åtgärd' : 'status'], key: isObj(svar.åtgärd), messageId: 'noNextStep', data: { steg: step.nummer, fråga: id, status: String(svar.status) } });
        }
      }
    }
    return out;
  },
};
