// Text: grouped per file ("rad:kol  nivå  meddelande  regel"), then a summary, as ESLint's
// stylish formatter does. Files that could not be read are written to stderr by the command.
import { Chalk } from 'chalk';
import { SEVERITY_WORD, type Report } from '../types.js';
import { countsText, plural, scopeText, stepsText, type Formatter } from './common.js';

export const text: Formatter = (r: Report, opts = {}) => {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const colour = { error: c.red, warning: c.yellow, info: c.blue };
  let out = '';
  for (const f of r.filer) {
    if (!f.läst || !f.findings.length) continue;
    const where = f.findings.map((x) => `${x.line ?? 0}:${x.col ?? 0}`);
    const ww = Math.max(...where.map((w) => w.length));
    const sw = Math.max(...f.findings.map((x) => SEVERITY_WORD[x.severity].length));
    out += `${c.underline(f.file)}${c.dim(`  (${stepsText(f.steg)})`)}\n`;
    f.findings.forEach((x, i) => {
      out += `  ${c.dim(where[i]!.padEnd(ww))}  ${colour[x.severity](SEVERITY_WORD[x.severity].padEnd(sw))}  ${x.message}  ${c.dim(x.rule)}\n`;
      if (x.kommando) out += `  ${' '.repeat(ww)}  ${' '.repeat(sw)}  ${c.dim('→')} ${x.kommando}\n`;
    });
    out += '\n';
  }
  const s = r.summary;
  const read = r.filer.filter((f) => f.läst);
  const counts = { fel: 0, varningar: 0, info: 0 };
  for (const f of read) for (const x of f.findings) counts[x.severity === 'error' ? 'fel' : x.severity === 'warning' ? 'varningar' : 'info']++;
  const withFindings = read.filter((f) => f.findings.length).length;
  const scope = scopeText(r);
  const tail = `${plural(read.length, 'fil', 'filer')} kontrollerad${read.length === 1 ? '' : 'e'}${scope ? ` (${scope})` : ''}`;
  if (read.length && !withFindings) {
    out += c.green(`✓ Inga anmärkningar: ${tail}.`) + '\n';
  } else if (withFindings) {
    const mark = s.exitkod === 0 ? c.yellow('!') : c.red('✖');
    out += `${mark} ${countsText(counts)} i ${plural(withFindings, 'fil', 'filer')}; ${tail}.\n`;
    if (s.exitkod === 1) out += c.dim(`Avslutas med 1: minst ett fynd på nivån ${SEVERITY_WORD[s.failSeverity]} eller högre (--fail-severity ${SEVERITY_WORD[s.failSeverity]}).`) + '\n';
  }
  if (s.oläsbara) out += c.red(`✖ ${plural(s.oläsbara, 'fil', 'filer')} kunde inte läsas (se felen ovan); avslutas med 2.`) + '\n';
  const changed = r.filer.find((f) => f.läst)?.regler.filter((x) => x.motivering) ?? [];
  if (changed.length) {
    out += c.dim(`Ändrade regler${r.scope.konfig ? ` i ${r.scope.konfig}` : ''}:`) + '\n';
    for (const x of changed) out += c.dim(`  ${x.id}: ${x.nivå in SEVERITY_WORD ? SEVERITY_WORD[x.nivå as keyof typeof SEVERITY_WORD] : x.nivå} – ${x.motivering}`) + '\n';
  }
  return out;
};
