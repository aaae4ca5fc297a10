import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFormat } from '../types.js';

/**
 * "Disable this rule on this line / in this file": the suppression directives of the configuration
 * issue — an HTML comment in Markdown, a 【】 marker on a line of its own in plain text (what a Word
 * user can type). `disable-next-line` goes above the finding's line; `disable` (to the end of the
 * document) goes on the first line.
 */
export type SuppressionKind = 'disable-next-line' | 'disable';

function markerRe(format: SourceFormat, kind: SuppressionKind): RegExp {
  // Half-width brackets and full-width spaces too in plain text: what a Word user may type.
  return format === 'markdown'
    ? new RegExp(`^([ \\t]*<!--\\s*gongwen-lint-${kind})(?![\\w-])([\\s\\S]*?)(-->\\s*)$`)
    : new RegExp(`^([ \\t\\u3000]*[【[][ \\t\\u3000]*gongwen-lint-${kind})(?![\\w-])([^】\\]\\r\\n]*)([】\\]][ \\t\\u3000]*)$`);
}

function makeMarker(format: SourceFormat, kind: SuppressionKind, ids: string): string {
  return format === 'markdown' ? `<!-- gongwen-lint-${kind} ${ids} -->` : `【gongwen-lint-${kind} ${ids}】`;
}

/** A justification follows the rule list after ` -- ` or `——`. */
const JUSTIFICATION = /\s--\s|——|\s--$/;

function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n|\n|\r)$/, '');
}

/** `ruleId` added to an existing directive line, or undefined when `text` is not one of `kind`. */
function withRule(text: string, ruleId: string, format: SourceFormat, kind: SuppressionKind): string | undefined {
  const m = markerRe(format, kind).exec(text);
  if (!m) return undefined;
  const [, head, rest, close] = m;
  const sep = JUSTIFICATION.exec(rest);
  const ids = (sep ? rest.slice(0, sep.index) : rest).split(/[\s,，、]+/).filter(Boolean);
  // A directive naming no rule already covers every rule.
  if (ids.length === 0 || ids.includes(ruleId)) return text;
  const tail = sep ? rest.slice(sep.index) : format === 'markdown' ? ' ' : '';
  return `${head} ${[...ids, ruleId].join(', ')}${tail}${close}`;
}

/**
 * The edit that suppresses `ruleId` on `line` (disable-next-line) or in the whole document (disable).
 * A directive of the same kind already in place gets the rule added — two stacked next-line markers
 * would make the first apply to the second; otherwise a new directive line is inserted (above the
 * line, with its indentation; or at the top).
 */
export function suppressionEdit(doc: TextDocument, format: SourceFormat, ruleId: string, kind: SuppressionKind, line = 0): TextEdit {
  const target = kind === 'disable' ? 0 : line;
  const existingLine = kind === 'disable' ? 0 : line - 1;
  if (existingLine >= 0) {
    const existing = lineText(doc, existingLine);
    const merged = withRule(existing, ruleId, format, kind);
    if (merged !== undefined) return { range: { start: { line: existingLine, character: 0 }, end: { line: existingLine, character: existing.length } }, newText: merged };
  }
  const indent = kind === 'disable' ? '' : /^[ \t]*/.exec(lineText(doc, target))![0];
  return { range: { start: { line: target, character: 0 }, end: { line: target, character: 0 } }, newText: `${indent}${makeMarker(format, kind, ruleId)}${eolOf(doc.getText())}` };
}
