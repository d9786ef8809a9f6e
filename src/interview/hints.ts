// The method's explanations at the moment they matter (content/begrepp.yaml, hjälp): the
// national definition where the kommun's own is asked, the prevention levels at each
// prevention-level question, each factor at 3.3, the measure types, step 4's perspectives, and
// MFoF's pitfalls where they apply. The texts are content; this only finds and prints them.
import type { Begrepp, Hjälp } from '../content/types.js';
import type { YamlPath } from '../project/load.js';
import { patternOf } from './paths.js';
import { wrap } from './text.js';

/** Whether a field pattern ("a.b[].c") matches a content pattern, where * is any one key. */
export function matches(field: string, vid: string): boolean {
  const re = new RegExp(`^${vid.split('*').map((p) => p.replace(/[.[\]\\^$+?(){}|]/g, '\\$&')).join('[^.\\[\\]]+')}$`);
  return re.test(field);
}

/** The explanations for the question at `path`, as a heading and lines of text. */
export function hintsAt(begrepp: Begrepp, path: YamlPath): { hjälp: Hjälp; rubrik?: string; rader: string[] }[] {
  const field = patternOf(path);
  const key = String(path[path.length - 1]);
  const out: { hjälp: Hjälp; rubrik?: string; rader: string[] }[] = [];
  for (const h of begrepp.hjälp ?? []) {
    if (!h.vid.some((v) => matches(field, v))) continue;
    if (h.text) {
      out.push({ hjälp: h, rubrik: h.rubrik, rader: [h.text] });
      continue;
    }
    const list = (h.begrepp ? (begrepp[h.begrepp] as { id: string; titel: string; beskrivning?: string; nummer?: number }[]) : []) ?? [];
    const items = h.en ? list.filter((x) => x.id === key) : list;
    if (!items.length) continue;
    if (h.en) out.push({ hjälp: h, rubrik: h.rubrik, rader: items.map((x) => x.beskrivning ?? x.titel) });
    else out.push({ hjälp: h, rubrik: h.rubrik, rader: items.map((x) => (x.beskrivning ? `${x.titel}: ${x.beskrivning}` : x.titel)) });
  }
  return out;
}

/**
 * The explanations as the interview prints them: indented, a pitfall marked, its source last;
 * the source only the first time an explanation is shown (`seen` holds the ids shown), so that
 * the eleven factors do not repeat it eleven times.
 */
export function formatHints(begrepp: Begrepp, path: YamlPath, width: number, seen?: Set<string>): string {
  return hintsAt(begrepp, path).map(({ hjälp, rubrik, rader }) => {
    const first = !seen?.has(hjälp.id);
    seen?.add(hjälp.id);
    const head = hjälp.typ === 'fallgrop' ? `Vanlig fallgrop${rubrik ? `: ${rubrik}` : ''}` : rubrik;
    const lines = [
      ...(head ? [`  ${head}`] : []),
      ...rader.map((r) => wrap(hjälp.begrepp && !hjälp.en ? `– ${r}` : r, width, '    ')),
      ...(first ? [wrap(`(${hjälp.källa})`, width, '    ')] : []),
    ];
    return lines.join('\n');
  }).join('\n');
}
