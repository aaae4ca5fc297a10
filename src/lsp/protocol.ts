import type { RuleDefinition } from '../rules/definition.js';
import type { Finding, Level, Locale, SourceFormat } from '../types.js';

/** Messages between the language server and its lint worker (structured-clone data only). */

export interface LintRequest {
  id: number;
  text: string;
  format: SourceFormat;
  locale: Locale;
  /** The document's file, whose folder (and those above it) the configuration files are looked for in; absent for an unsaved document. */
  path?: string;
  /** Extra rule directories, relative to `root`. */
  ruleDirs: string[];
  /** The editor's per-rule levels, applied over the configuration files'. */
  levels: Record<string, Level | 'off'>;
  root: string;
  /** Raised when a configuration or rule file changes: the worker then reads them all again. */
  generation: number;
}

/** What hover and diagnostics need to know about a rule that reported something. */
export interface RuleMeta {
  id: string;
  severity: Level;
  docs: RuleDefinition['docs'];
  /** Shipped with gongwen-lint (its page is in the project's docs) or a user's rule file. */
  builtin: boolean;
  /** Absolute path of the rule's YAML file. */
  file: string;
}

export interface RuleFailureInfo {
  ruleId: string;
  message: string;
  stack?: string;
}

export type LintReply =
  | { id: number; type: 'ok'; findings: Finding[]; failures: RuleFailureInfo[]; rules: Record<string, RuleMeta>; notes: string[]; ms: number }
  /** The configuration or rule files could not be used (a ConfigError or RuleError: names the file and the problem). */
  | { id: number; type: 'rules-error'; message: string }
  | { id: number; type: 'error'; message: string; stack?: string };

/** What the server makes of a lint: the worker's reply, or what went wrong around it. */
export type LintOutcome =
  | Exclude<LintReply, { type: 'error' }>
  | { type: 'error'; message: string; stack?: string }
  | { type: 'timeout'; ms: number };
