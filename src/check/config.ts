// .fsstod-check.yaml: a repository can switch a rule off or change its severity, but only with a
// written reason (motivering), so that whoever reads the CI result later knows why.
//
//   regler:
//     täckning:
//       nivå: av
//       motivering: Vi erbjuder medvetet inget indikerat stöd under graviditeten; regionen gör det.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { closest } from '../text.js';
import { resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { checkKonfig } from '../generated/validators.js';
import { InputError, UsageError } from '../errors.js';
import { decodeUserText, displayPath, parseUserYaml } from '../project/load.js';
import type { Severity } from './types.js';

export const CONFIG_FILE = '.fsstod-check.yaml';

export interface RuleConfig { nivå: Severity | 'av'; motivering: string }
export interface CheckConfig {
  /** The config file as shown to the user, when one was read. */
  fil?: string;
  regler: Map<string, RuleConfig>;
}


/** Reads the config: --konfig (must exist), else .fsstod-check.yaml in cwd if there is one. */
export function loadConfig(explicit: string | undefined, ruleIds: string[], cwd = process.cwd()): CheckConfig {
  const file = explicit ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE);
  const shown = displayPath(file);
  if (!existsSync(file)) {
    if (explicit) throw new UsageError(`konfigurationsfilen finns inte`, { file: shown }, `Skapa den (se docs/ci.md) eller ta bort --konfig.`);
    return { regler: new Map() };
  }
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new InputError('konfigurationen är en mapp, inte en fil', { file: shown });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`konfigurationsfilen kunde inte läsas (${(e as NodeJS.ErrnoException).code ?? 'okänt fel'})`, { file: shown });
  }
  // The same decoding and checks as a project file (strict UTF-8, no forbidden characters, the alias limit).
  const { text } = decodeUserText(bytes, shown);
  // The same parse as a project file (load.ts), with the message naming the configuration.
  let parsed;
  try {
    parsed = parseUserYaml(text, shown, 'konfigurationen är inte giltig YAML');
  } catch (e) {
    if (e instanceof InputError && !e.hint) throw new InputError(e.message, e.location, 'Jämför med exemplet i docs/ci.md.');
    throw e;
  }
  const { doc, lineCounter } = parsed;
  const data = (parsed.data ?? {}) as unknown;
  const at = (pointer: string) => {
    const path = pointer ? pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
    let node: any = doc.contents;
    let off = node?.range?.[0] ?? 0;
    for (const seg of path) {
      const pair = node?.items?.find((p: any) => String(p.key?.value ?? p.key) === seg);
      if (!pair) break;
      off = pair.key?.range?.[0] ?? off;
      node = pair.value;
    }
    return lineCounter.linePos(off);
  };
  if (!checkKonfig(data)) {
    const errors = (checkKonfig.errors ?? []) as ErrorObject[];
    // The most useful error first: an unknown rule before the missing fields inside it.
    const e = errors.find((x) => x.keyword === 'propertyNames') ?? errors.find((x) => x.keyword === 'required') ?? errors[0]!;
    const where = { file: shown, ...at(e.instancePath) };
    const rule = /^\/regler\/([^/]+)/.exec(e.instancePath)?.[1];
    switch (e.keyword) {
      case 'propertyNames': {
        const name = (e.params as { propertyName: string }).propertyName;
        if (e.instancePath === '/regler') {
          const near = closest(name, ruleIds);
          throw new InputError(`okänd regel "${name}" i konfigurationen${near ? ` – menade du "${near}"?` : ''}`, { file: shown, ...at(`${e.instancePath}/${name}`) }, `Reglerna är: ${ruleIds.join(', ')}.`);
        }
        throw new InputError(`okänt fält "${name}" i konfigurationen`, { file: shown, ...at(`${e.instancePath}/${name}`) }, 'Tillåtet är regler: { <regel>: { nivå, motivering } }.');
      }
      case 'additionalProperties': {
        const name = (e.params as { additionalProperty: string }).additionalProperty;
        throw new InputError(`okänt fält "${name}" i konfigurationen`, { file: shown, ...at(`${e.instancePath}/${name}`) }, rule ? 'En regel har bara nivå och motivering.' : 'Konfigurationen har bara fältet regler.');
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        if (missing === 'motivering') {
          throw new InputError(`regeln ${rule} ändras utan motivering; skriv varför regeln stängs av eller får en annan nivå`, where, 'Lägg till t.ex. motivering: "Vi har medvetet inget stöd under graviditeten; regionen ansvarar för det."');
        }
        throw new InputError(`regeln ${rule}: ${missing} saknas`, where, 'Ange nivå: av, info, warning eller error.');
      }
      case 'enum':
        throw new InputError(`regeln ${rule}: nivå ${JSON.stringify((doc.getIn(['regler', rule!, 'nivå']) ?? null))} är inte tillåten`, where, 'Välj en av: av, info, warning, error.');
      case 'minLength':
      case 'pattern':
        throw new InputError(`regeln ${rule}: motiveringen är tom; skriv varför regeln ändras`, where);
      case 'type':
        throw new InputError(`${rule ? `regeln ${rule}` : 'konfigurationen'}${e.instancePath.endsWith('/motivering') ? ': motiveringen ska vara text' : e.instancePath.endsWith('/nivå') ? ': nivå ska vara text' : ': ska vara en mappning (nyckel: värde)'}`, where);
      default:
        throw new InputError(`konfigurationen är ogiltig (${e.instancePath || 'roten'}: ${e.keyword})`, where);
    }
  }
  const regler = new Map<string, RuleConfig>();
  const raw = (data as { regler?: Record<string, { nivå: RuleConfig['nivå']; motivering: string }> }).regler ?? {};
  for (const [id, c] of Object.entries(raw)) regler.set(id, { nivå: c.nivå, motivering: c.motivering.trim() });
  return { fil: shown, regler };
}
