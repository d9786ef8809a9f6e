// The moments a document needs (content/: begrepp.dokument) are filled in; without --for, every
// moment of the steps in scope.
import type { YamlPath } from '../../project/load.js';
import { documentMoments, type Unit } from '../../judge/index.js';
import { fieldInWords } from '../../project/schema-words.js';
import { resolvePath } from '../../project/progress.js';
import type { Rule, RuleFinding } from '../types.js';
import { existing, joinSv, short } from './util.js';

export const momentIfyllda: Rule = {
  id: 'moment-ifyllda',
  severity: 'error',
  beskrivning: 'Momenten som dokumentet behöver är ifyllda (utan --for: alla moment i stegen som kontrolleras).',
  avsnitt: 'Momenten i steg 1–6; dokumentens innehåll enligt 3.4, 4.1 och 6.1',
  steg: [1, 2, 3, 4, 5, 6],
  dokument: [],
  docs: 'docs/regler/moment-ifyllda.md',
  messages: {
    notFilled: '{{moment}}: inte ifyllt: {{fält}}',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    // What is missing is the judgement's (src/judge/): the same units as status and the interview.
    const doc = ctx.scope.dokument ? ctx.method.dokument(ctx.scope.dokument) ?? { id: ctx.scope.dokument, moment: [] } : undefined;
    const groups: { rubrik: string; units: Unit[]; plats: { steg: number; moment?: string } }[] = documentMoments(ctx.data, ctx.method.steps, doc, ctx.inScope).flatMap(({ step, moment }) =>
      moment.map((m) => ({ rubrik: m.nummer ? `Moment ${m.nummer} ${m.titel}` : `Steg ${step.nummer} ${step.titel} (genomgående)`, units: m.units, plats: m.nummer ? { steg: step.nummer, moment: m.nummer } : { steg: step.nummer } })));
    for (const g of groups) {
      const byAnchor = new Map<string, { path: YamlPath; key: boolean; labels: string[] }>();
      for (const u of g.units) {
        if (u.answered) continue;
        // An empty field is reported where it stands; a missing one at the nearest existing key,
        // with the others missing under the same key.
        // A selector (the styrgrupp, the current follow-up round) stands where its item is.
        const concrete = resolvePath(ctx.data, u.path);
        const at = existing(ctx.data, concrete);
        const k = JSON.stringify(at);
        const e = byAnchor.get(k) ?? { path: at, key: at.length < concrete.length, labels: [] };
        // "Beslut › Handlingsplan" rather than a bare "Handlingsplan".
        e.labels.push(short(u.path[0] === 'beslut' ? fieldInWords(u.path, ctx.data) : u.label, 70));
        byAnchor.set(k, e);
      }
      for (const { path, key, labels } of byAnchor.values()) {
        const list = labels.length > 5 ? `${labels.slice(0, 5).join(', ')} och ${labels.length - 5} till` : joinSv(labels);
        out.push({ path, key, messageId: 'notFilled', data: { moment: g.rubrik, fält: list }, plats: g.plats });
      }
    }
    return out;
  },
};
