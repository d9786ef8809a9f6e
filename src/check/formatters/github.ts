// GitHub Actions workflow commands: each finding becomes an annotation on the file and line
// (::error, ::warning, ::notice), escaped as the Actions toolkit does.
import type { Report, Severity } from '../types.js';
import { countsText, type Formatter } from './common.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping for a command's message. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping for a command's properties (file, title …). */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (r: Report) => {
  let out = '';
  for (const f of r.filer) {
    for (const x of f.findings) {
      const props = [`file=${escapeProperty(x.file)}`];
      if (x.line !== undefined) props.push(`line=${x.line}`, `col=${x.col ?? 1}`);
      props.push(`title=${escapeProperty(`fsstöd check: ${x.rule}`)}`);
      out += `::${COMMAND[x.severity]} ${props.join(',')}::${escapeData(x.hint ? `${x.message}\n→ ${x.hint}` : x.message)}\n`;
    }
  }
  const s = r.summary;
  out += `fsstöd check: ${countsText(s)} i ${s.filer} ${s.filer === 1 ? 'fil' : 'filer'}${s.oläsbara ? `, ${s.oläsbara} kunde inte läsas` : ''} (exitkod ${s.exitkod}).\n`;
  return out;
};
