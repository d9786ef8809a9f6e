// Findings are data (as in ESLint and Spectral): rules produce them, formatters print them.
import type { LoadedProject, YamlPath } from '../project/load.js';
import type { IdIndex } from '../project/refs.js';
import type { Problem } from '../project/validate.js';
import type { Project } from '../project/types.js';
import type { MethodView } from './method.js';

export type Severity = 'error' | 'warning' | 'info';
/** A document's id (content/begrepp.yaml, dokument); the CLI accepts only the method's documents. */
export type Dokument = string;

/** Higher is more serious. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
export const SEVERITY_WORD: Record<Severity, string> = { error: 'fel', warning: 'varning', info: 'info' };

/** What fills a message template's {{placeholders}}. */
export type MessageData = Record<string, string | number>;

export interface Finding {
  rule: string;
  /** Which of the rule's messages (Rule.messages): stable, for tests and tools; the wording may change. */
  messageId: string;
  /** The values the message was formatted with (masked like the message). */
  data?: MessageData;
  severity: Severity;
  /** Swedish, never containing a personnummer. */
  message: string;
  /** The file as shown to the user (relative to cwd when inside it). */
  file: string;
  /** 1-based; absent when the file could not be read at all. */
  line?: number;
  col?: number;
  path: YamlPath;
  /** What to do next (only for findings of the rule "fil"). */
  hint?: string;
  /** The interview that fills the place, e.g. "fsstöd step 3 --moment 3.4" (absent where none does). */
  kommando?: string;
}

/** What a rule returns: the engine adds rule id, severity, file and position. */
export interface RuleFinding {
  path: YamlPath;
  /** A key of the rule's messages; the engine formats the message from its template and data. */
  messageId: string;
  data?: MessageData;
  /** Point at the key instead of the value (e.g. an unknown or unwanted field). */
  key?: boolean;
  /** The interview that fills it, where the path (an ancestor of what is missing) does not say. */
  plats?: { steg: number; moment?: string; checklista?: true };
  /** Overrides the rule's severity for this finding (rare; the config still wins). */
  severity?: Severity;
  /** An exact position (e.g. inside a block of text); otherwise it comes from the path. */
  line?: number;
  col?: number;
}

export interface Scope {
  /** --for: the document the file should be ready for. */
  dokument?: Dokument;
  /** Steps in scope (from --steg, from the document's moments, or the steps the file has begun). */
  steg: number[];
  /** How the steps were chosen, in words (shown in reports). */
  grund: 'steg' | 'dokument' | 'påbörjade';
}

export interface RuleContext {
  project: LoadedProject;
  /** The file's data. It may not match the schema: rules check types before use. */
  data: Project;
  method: MethodView;
  scope: Scope;
  index: IdIndex;
  /** Schema and reference problems (computed once per file). */
  problems(): Problem[];
  /** Whether a step is in scope. */
  inScope(steg: number): boolean;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One sentence in Swedish: what the rule checks. */
  beskrivning: string;
  /** The method guide's section(s) the rule rests on, e.g. "4.1 Formulera mål". */
  avsnitt: string;
  /** Steps the rule belongs to; empty = the whole file, always in scope. */
  steg: number[];
  /** Documents the rule gates (for --for); empty = every document. */
  dokument: Dokument[];
  /** Docs page, relative to the package root. */
  docs: string;
  /** messageId → Swedish template with {{placeholders}} (as ESLint's meta.messages). */
  messages: Record<string, string>;
  check(ctx: RuleContext): RuleFinding[];
}

export interface RuleState {
  id: string;
  /** Effective severity, or 'av' when switched off by the config. */
  nivå: Severity | 'av';
  /** Whether the rule ran (in scope and not switched off). */
  körd: boolean;
  motivering?: string;
  /** The rule threw: an internal error (exit 2). */
  fel?: boolean;
}

export interface FileResult {
  file: string;
  /** Project name and kommuner, when the file could be read. */
  projekt?: string;
  kommuner?: { kod: string; namn: string }[];
  /** False when the file could not be read (its only finding is of the rule "fil"). */
  läst: boolean;
  /** Steps checked for this file. */
  steg: number[];
  findings: Finding[];
  /** Per rule: did it run for this file. */
  regler: RuleState[];
}

export interface Summary {
  filer: number;
  filerMedFynd: number;
  oläsbara: number;
  fel: number;
  varningar: number;
  info: number;
  failSeverity: Severity;
  exitkod: number;
}

export interface Report {
  verktyg: { namn: string; version: string };
  scope: { dokument?: Dokument; steg?: number; konfig?: string };
  regler: Rule[];
  filer: FileResult[];
  summary: Summary;
}
