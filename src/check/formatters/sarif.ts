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

/**
 * A message template in SARIF's form (3.11.5): {{name}} becomes {0}, {1} … in order of first use,
 * and a literal brace is doubled. The names, in that order, say which data value is which argument.
 */
export function sarifTemplate(template: string): { text: string; names: string[] } {
  const names: string[] = [];
  let text = '';
  let at = 0;
  for (const m of template.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    text += template.slice(at, m.index).replace(/[{}]/g, (b) => b + b);
    if (!names.includes(m[1]!)) names.push(m[1]!);
    text += `{${names.indexOf(m[1]!)}}`;
    at = m.index + m[0].length;
  }
  return { text: text + template.slice(at).replace(/[{}]/g, (b) => b + b), names };
}

export const sarif: Formatter = (r: Report, opts = {}) => {
  const rules = r.regler;
  const index = new Map(rules.map((x, i) => [x.id, i]));
  const templates = new Map(rules.map((x) => [x.id, new Map(Object.entries(x.messages).map(([id, t]) => [id, sarifTemplate(t)]))]));
  const results: Result[] = r.filer.flatMap((f) => f.findings.map((x): Result => ({
    ruleId: x.rule,
    ruleIndex: index.get(x.rule) ?? -1,
    level: LEVEL[x.severity],
    // message.id names the rule's messageStrings entry (SARIF 3.11.10), arguments fill it; the
    // text is there too, so that a reader that does not look the id up still shows the message.
    message: {
      text: x.hint ? `${x.message} (${x.hint})` : x.message,
      ...(() => {
        const t = templates.get(x.rule)?.get(x.messageId);
        return t ? { id: x.messageId, arguments: t.names.map((n) => String(x.data?.[n] ?? '')) } : {};
      })(),
    },
    properties: { messageId: x.messageId },
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
              messageStrings: Object.fromEntries([...(templates.get(x.id) ?? [])].map(([id, t]) => [id, { text: t.text }])),
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
