// SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results.
import { pathToFileURL } from 'node:url';
// Types only (DefinitelyTyped's SARIF 2.1.0 definitions): tsc checks that what we write is a SARIF log.
import type { Log, Result, ReportingDescriptor } from 'sarif';
import type { Report, Severity } from '../types.js';
import type { Formatter } from './common.js';
import { jsonText } from '../../terminal-safe.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative, forward-slashed, percent-encoded URI reference for a shown file path. */
function fileUri(file: string): string {
  const posix = file.replace(/\\/g, '/');
  if (posix.startsWith('/')) return pathToFileURL(file).href;
  return posix.split('/').map((s) => encodeURIComponent(s)).join('/');
}

export const sarif: Formatter = (r: Report, opts = {}) => {
  const rules = r.regler;
  const index = new Map(rules.map((x, i) => [x.id, i]));
  const results: Result[] = r.filer.flatMap((f) => f.findings.map((x): Result => ({
    ruleId: x.rule,
    ruleIndex: index.get(x.rule) ?? -1,
    level: LEVEL[x.severity],
    message: { text: x.hint ? `${x.message} (${x.hint})` : x.message },
    locations: [{
      physicalLocation: {
        artifactLocation: fileUri(x.file).startsWith('file:') ? { uri: fileUri(x.file) } : { uri: fileUri(x.file), uriBaseId: '%SRCROOT%' },
        ...(x.line !== undefined ? { region: { startLine: x.line, startColumn: x.col ?? 1 } } : {}),
      },
      ...(x.path.length ? { logicalLocations: [{ fullyQualifiedName: x.path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join(''), kind: 'member' }] } : {}),
    }],
  })));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'fsstöd',
          semanticVersion: r.verktyg.version,
          version: r.verktyg.version,
          informationUri: opts.docsUri ? opts.docsUri('docs/ci.md') : undefined,
          language: 'sv-SE',
          rules: rules.map((x): ReportingDescriptor => {
            const help = opts.docsText?.(x.docs);
            return {
              id: x.id,
              name: x.id,
              shortDescription: { text: x.beskrivning },
              fullDescription: { text: `${x.beskrivning} Metodstödet: ${x.avsnitt}.` },
              ...(opts.docsUri ? { helpUri: opts.docsUri(x.docs) } : {}),
              ...(help ? { help: { text: help, markdown: help } } : {}),
              defaultConfiguration: { level: LEVEL[x.severity] },
              properties: { avsnitt: x.avsnitt, steg: x.steg, dokument: x.dokument },
            };
          }),
        },
      },
      ...(opts.cwd ? { originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd).href.replace(/\/?$/, '/') } } } : {}),
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: r.summary.exitkod !== 2, exitCode: r.summary.exitkod }],
      results,
    }],
  };
  return jsonText(log);
};
