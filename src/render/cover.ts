// The cover's facts, shared by every writer.
import type { DocMeta } from './model.js';
import type { Beslut } from '../project/types.js';
import { dateInWords } from '../project/dates.js';

const STATUS: Record<string, string> = { utkast: 'Utkast', remiss: 'Remiss', beslutad: 'Beslutad' };
const EJ = 'Ej ifyllt';

export function coverRows(m: DocMeta): [string, string][] {
  if (m.omslag) return [...m.omslag, ['Datum', m.datumText ?? m.datum]];
  if (m.ruta) return m.ruta;
  const rows: [string, string][] = [];
  if (m.period) rows.push(['Period', m.period]);
  rows.push(['Version', m.version || EJ]);
  rows.push(['Status', STATUS[m.status] ?? m.status]);
  rows.push(['Diarienummer', m.diarienummer || EJ]);
  rows.push(['Datum', m.datumText ?? m.datum]);
  return rows;
}

/**
 * The document box of a decision document (dokumenttyp, beslutad av, datum och §, diarienummer,
 * dokumentägare, gäller för, giltig till, revideras senast), as a kommun's governing documents
 * carry it. Its date is the decision's, never the day the file was made: a document not yet
 * decided says so, with its own date (beslut.dokumentdatum) when the file gives one.
 */
export function dokumentRuta(dokumenttyp: string, b: Beslut, period: string, version: string): [string, string][] {
  const status = b.status ?? 'utkast';
  const beslutad = status === 'beslutad';
  const datumOchParagraf = [b.datum ? dateInWords(b.datum) : '', b.paragraf ?? ''].filter(Boolean).join(', ');
  const rows: [string, string][] = [['Dokumenttyp', dokumenttyp]];
  if (period) rows.push(['Period', period]);
  rows.push(['Status', STATUS[status] ?? status]);
  rows.push(['Beslutad av', beslutad ? b.organ || EJ : 'Ej beslutad']);
  rows.push(['Datum och §', beslutad ? datumOchParagraf || EJ : 'Ej beslutad']);
  if (!beslutad && b.dokumentdatum) rows.push(['Dokumentets datum', dateInWords(b.dokumentdatum)]);
  rows.push(['Diarienummer', b.diarienummer || EJ]);
  rows.push(['Dokumentägare', b.dokumentägare || EJ]);
  rows.push(['Gäller för', b.gäller_för || EJ]);
  rows.push(['Giltig till', b.giltig_till ? dateInWords(b.giltig_till) : EJ]);
  rows.push(['Revideras senast', b.revideras_senast ? dateInWords(b.revideras_senast) : EJ]);
  if (version) rows.push(['Version', version]);
  return rows;
}
