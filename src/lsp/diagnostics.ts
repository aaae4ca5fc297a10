import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INFORMATION_URI } from '../cli/main.js';
import type { Finding, Level, Locale } from '../types.js';
import { msg } from './messages.js';
import type { LintOutcome, RuleMeta } from './protocol.js';

const SOURCE = 'gongwen-lint';

/** Carried by each diagnostic so that code actions need no second lint. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the finding was computed for; actions on a stale one are not offered. */
  version: number;
  fix?: TextEdit;
}

/** What the server keeps per document after a lint: hover and "fix all" read it. */
export interface LintedDocument {
  version: number;
  diagnostics: Diagnostic[];
  rules: Record<string, RuleMeta>;
  /** The findings that carry a fix, with their offsets, for "fix all" (planned as --fix plans them). */
  fixable: Finding[];
}

const SEVERITY: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The rule's documentation page: the project's docs for built-in rules, the YAML file for a user's own. */
export function ruleDocUrl(rule: Pick<RuleMeta, 'id' | 'builtin' | 'file'>): string {
  return rule.builtin ? `${INFORMATION_URI}/blob/main/docs/rules/${rule.id}.md` : pathToFileURL(rule.file).href;
}

function findingDiagnostic(f: Finding, doc: TextDocument, rule: RuleMeta | undefined): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, version: doc.version };
  if (f.fix) data.fix = { range: { start: doc.positionAt(f.fix.start), end: doc.positionAt(f.fix.end) }, newText: f.fix.text };
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.level],
    source: SOURCE,
    code: f.ruleId,
    ...(rule && { codeDescription: { href: ruleDocUrl(rule) } }),
    message: f.message,
    data,
  };
}

/** One diagnostic on the first line for a problem of the tool rather than the document. */
function noticeDiagnostic(doc: TextDocument, code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Warning): Diagnostic {
  const firstLine = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/(?:\r\n|\n|\r)$/, '');
  const end = { line: 0, character: firstLine.length };
  return { range: { start: { line: 0, character: 0 }, end }, severity, source: SOURCE, code, message };
}

/** Text an editor decoded with the wrong encoding is full of U+FFFD; the findings in it mean little. */
export function encodingNotice(doc: TextDocument, locale: Locale): Diagnostic | undefined {
  const text = doc.getText();
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  if (n < 3 || n < text.length / 1000) return undefined;
  const at = doc.positionAt(text.indexOf('\ufffd'));
  return { range: { start: at, end: { line: at.line, character: at.character + 1 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'encoding', message: msg(locale, 'encoding.suspect', { n }) };
}

/**
 * At most this many findings of a document become diagnostics: a pathological document can have
 * tens of thousands, megabytes of JSON the editor would choke on; one notice says how many more.
 */
export const MAX_DIAGNOSTICS = 2000;

/** A document longer than the server lints: one notice, nothing sent to the worker. */
export function tooLarge(doc: TextDocument, locale: Locale, max: number): LintedDocument {
  const n = doc.getText().length;
  return { version: doc.version, diagnostics: [noticeDiagnostic(doc, 'too-large', msg(locale, 'document.tooLarge', { n, max }))], rules: {}, fixable: [] };
}

/** A lint outcome → the document's diagnostics (findings, plus one notice when something inside the tool went wrong). */
export function toLinted(outcome: LintOutcome, doc: TextDocument, locale: Locale): LintedDocument {
  const diagnostics: Diagnostic[] = [];
  let rules: Record<string, RuleMeta> = {};
  let fixable: Finding[] = [];
  switch (outcome.type) {
    case 'ok': {
      rules = outcome.rules;
      for (const f of outcome.findings.slice(0, MAX_DIAGNOSTICS)) diagnostics.push(findingDiagnostic(f, doc, rules[f.ruleId]));
      const more = outcome.findings.length - MAX_DIAGNOSTICS;
      if (more > 0) diagnostics.push(noticeDiagnostic(doc, 'more-findings', msg(locale, 'document.moreFindings', { n: more, max: MAX_DIAGNOSTICS }), DiagnosticSeverity.Information));
      fixable = outcome.findings.filter((f) => f.fix);
      if (outcome.failures.length > 0) {
        const ids = [...new Set(outcome.failures.map((f) => f.ruleId))].join(', ');
        diagnostics.push(noticeDiagnostic(doc, 'internal-error', msg(locale, 'internal.ruleFailed', { rules: ids })));
      }
      break;
    }
    case 'timeout':
      diagnostics.push(noticeDiagnostic(doc, 'internal-error', msg(locale, 'internal.timeout', { seconds: Math.round(outcome.ms / 1000) })));
      break;
    case 'rules-error':
      diagnostics.push(noticeDiagnostic(doc, 'rules-error', msg(locale, 'internal.rules', { detail: outcome.message }), DiagnosticSeverity.Error));
      break;
    case 'error':
      diagnostics.push(noticeDiagnostic(doc, 'internal-error', msg(locale, 'internal.crashed', { detail: outcome.message })));
      break;
  }
  const encoding = encodingNotice(doc, locale);
  if (encoding) diagnostics.unshift(encoding);
  return { version: doc.version, diagnostics, rules, fixable };
}

export function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return d.source === SOURCE && data && typeof data.ruleId === 'string' && typeof data.version === 'number' ? data : undefined;
}
