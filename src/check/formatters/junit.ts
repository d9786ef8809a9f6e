// JUnit XML: one testsuite per file, one testcase per rule. Findings at or above
// --fail-severity are <failure>s; those below are listed in the testcase's <system-out>, so
// that CI test reports go red exactly when check exits with 1. A file that could not be read
// is a testcase "fil" with an <error>.
import { SEVERITY_RANK, SEVERITY_WORD, type Finding, type Report } from '../types.js';
import { scopeText, type Formatter } from './common.js';

import { xmlText as xml } from '../../terminal-safe.js';

const line = (x: Finding) => `${x.file}:${x.line ?? 0}:${x.col ?? 0} ${SEVERITY_WORD[x.severity]}: ${x.message}`;

export const junit: Formatter = (r: Report) => {
  const fail = SEVERITY_RANK[r.summary.failSeverity];
  let tests = 0, failures = 0, errors = 0, skipped = 0;
  const suites: string[] = [];
  for (const f of r.filer) {
    const cases: string[] = [];
    let sf = 0, se = 0, ss = 0;
    if (!f.läst) {
      const x = f.findings[0]!;
      cases.push(`    <testcase classname="${xml(f.file)}" name="fil" file="${xml(f.file)}">\n      <error type="fil" message="${xml(x.message)}">${xml(line(x) + (x.hint ? `\n→ ${x.hint}` : ''))}</error>\n    </testcase>`);
      se++;
    } else {
      for (const st of f.regler) {
        const rule = r.regler.find((x) => x.id === st.id)!;
        const head = `    <testcase classname="${xml(f.file)}" name="${xml(st.id)}" file="${xml(f.file)}">`;
        if (!st.körd) {
          ss++;
          const why = st.nivå === 'av' ? `avstängd i konfigurationen: ${st.motivering ?? ''}` : `utanför det som kontrollerades (${scopeText(r) || 'stegen filen har påbörjat'})`;
          cases.push(`${head}\n      <skipped message="${xml(why)}"/>\n    </testcase>`);
          continue;
        }
        const mine = f.findings.filter((x) => x.rule === st.id);
        const failing = mine.filter((x) => SEVERITY_RANK[x.severity] >= fail);
        const other = mine.filter((x) => SEVERITY_RANK[x.severity] < fail);
        let body = '';
        if (st.fel) {
          se++;
          body += `\n      <error type="internt-fel" message="${xml(mine[0]?.message ?? '')}">${xml(mine.map(line).join('\n'))}</error>`;
        } else if (failing.length) {
          sf++;
          body += `\n      <failure type="${failing.some((x) => x.severity === 'error') ? 'error' : failing[0]!.severity}" message="${xml(`${failing.length} fynd: ${rule.beskrivning}`)}">${xml(failing.map(line).join('\n'))}</failure>`;
        }
        if (other.length) body += `\n      <system-out>${xml(other.map(line).join('\n'))}</system-out>`;
        cases.push(body ? `${head}${body}\n    </testcase>` : head.replace(/>$/, '/>'));
      }
    }
    tests += cases.length; failures += sf; errors += se; skipped += ss;
    suites.push(`  <testsuite name="${xml(f.file)}" tests="${cases.length}" failures="${sf}" errors="${se}" skipped="${ss}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="fsstöd check" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
};
