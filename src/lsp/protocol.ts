import type { RuleDefinition } from '../rules/definition.js';
import type { Finding, Level, Locale, SourceFormat } from '../types.js';

/** Messages between the language server and its lint worker (structured-clone data only). */

export interface LintRequest {
  id: number;
  text: string;
  format: SourceFormat;
  locale: Locale;
  /** Extra rule directories, relative to `root`. */
  ruleDirs: string[];
  levels: Record<string, Level | 'off'>;
  root: string;
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
  | { id: number; type: 'ok'; findings: Finding[]; failures: RuleFailureInfo[]; rules: Record<string, RuleMeta>; ms: number }
  /** The rule files could not be loaded (a RuleError: names the file and the problem). */
  | { id: number; type: 'rules-error'; message: string }
  | { id: number; type: 'error'; message: string; stack?: string };

/** What the server makes of a lint: the worker's reply, or what went wrong around it. */
export type LintOutcome =
  | Exclude<LintReply, { type: 'error' }>
  | { type: 'error'; message: string; stack?: string }
  | { type: 'timeout'; ms: number };
