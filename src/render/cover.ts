// The cover's facts, shared by every writer.
import type { DocMeta } from './model.js';

const STATUS: Record<string, string> = { utkast: 'Utkast', remiss: 'Remiss', beslutad: 'Beslutad' };

export function coverRows(m: DocMeta): [string, string][] {
  if (m.omslag) return [...m.omslag, ['Datum', m.datumText ?? m.datum]];
  const rows: [string, string][] = [];
  if (m.period) rows.push(['Period', m.period]);
  rows.push(['Version', m.version || 'Ej ifyllt']);
  rows.push(['Status', STATUS[m.status] ?? m.status]);
  rows.push(['Diarienummer', m.diarienummer || 'Ej ifyllt']);
  rows.push(['Datum', m.datumText ?? m.datum]);
  return rows;
}
