// MFoF 2019: the work often hangs on one person, which makes it vulnerable.
import type { Rule, RuleFinding } from '../types.js';
import { isObj, isText } from './util.js';

/** A stable identity for a person entry: name, else actor + role, else role. */
function who(p: object): string | undefined {
  const x = p as Record<string, unknown>;
  if (isText(x.namn)) return `namn:${x.namn.trim().toLowerCase()}`;
  if (isText(x.roll)) return `roll:${String(x.aktör ?? '')}:${x.roll.trim().toLowerCase()}`;
  return undefined;
}

export const enPersonSamordnar: Rule = {
  id: 'en-person-samordnar',
  severity: 'warning',
  beskrivning: 'Samordningen bärs inte av en enda person: minst två personer delar samordningsfunktionen.',
  avsnitt: '2.2 Initiera samverkan och bygg struktur – Samordningsfunktion; MFoF:s kartläggning 2019 (arbetet är ofta personbundet)',
  steg: [2],
  dokument: ['handlingsplan'],
  docs: 'docs/regler/en-person-samordnar.md',
  messages: {
    single: 'Samordningen bärs av en enda person. Arbetet blir sårbart om personen slutar eller blir sjuk; dela samordningen (t.ex. strategisk och operativ samordnare) eller utse en ersättare med avsatt tid',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const org = ctx.data.organisation;
    const personer = isObj(org) && isObj(org.samordning) && Array.isArray(org.samordning.personer) ? org.samordning.personer.filter(isObj) : [];
    const people = new Set<string>();
    for (const p of personer) { const w = who(p); if (w) people.add(w); }
    const samordnare = isObj(ctx.data.projekt) && isObj(ctx.data.projekt.samordnare) ? ctx.data.projekt.samordnare : undefined;
    if (samordnare && !personer.length) { const w = who(samordnare); if (w) people.add(w); }
    if (people.size === 0) return out; // nothing said about coordination yet: moment-ifyllda reports that
    if (people.size === 1) {
      const path = personer.length ? ['organisation', 'samordning', 'personer'] : ['projekt', 'samordnare'];
      out.push({ path, key: true, messageId: 'single' });
    }
    return out;
  },
};
