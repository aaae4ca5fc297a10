import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { t } from '../i18n/messages.js';
import { localize, type LocalizedText } from '../rules/definition.js';
import type { Locale } from '../types.js';
import { dataOf, ruleDocUrl, type LintedDocument } from './diagnostics.js';
import { msg } from './messages.js';
import type { RuleMeta } from './protocol.js';

/**
 * Rule texts are prose with * and _ as literal characters (they describe placeholders); keep
 * Markdown from reading them, escaping no more than that (clients that show the source stay readable).
 */
function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^([#+-])/gm, '\\$1');
}

function block(s: string): string {
  const fence = s.includes('```') ? '~~~~' : '```';
  return `${fence}text\n${s}\n${fence}`;
}

/** The rule's documentation as Markdown: what, why, standard, example, use instead, and the link to its page. */
export function ruleDocsMarkdown(rule: RuleMeta, locale: Locale): string {
  const d = rule.docs;
  const parts = [`**${rule.id}** · ${t(locale, `level.${rule.severity}`)} — ${escape(d.summary[locale])}`];
  const section = (title: Parameters<typeof t>[1], text: LocalizedText | undefined, asCode = false) => {
    const body = localize(text, locale).trim();
    if (body) parts.push(`**${t(locale, title)}**\n\n${asCode ? block(body) : escape(body)}`);
  };
  section('docs.what', d.what);
  section('docs.why', d.why);
  section('docs.source', d.source);
  section('docs.example', d.example, true);
  section('docs.useInstead', d.useInstead, true);
  parts.push(`[${msg(locale, 'hover.docs')}](${ruleDocUrl(rule)})`);
  return parts.join('\n\n');
}

function contains(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}

/** Hover over a finding: the documentation of each rule reporting there. */
export function hoverAt(linted: LintedDocument | undefined, version: number, position: Position, locale: Locale): Hover | null {
  if (!linted || linted.version !== version) return null;
  const seen = new Set<string>();
  const docs: string[] = [];
  let range: Range | undefined;
  for (const d of linted.diagnostics) {
    const data = dataOf(d);
    if (!data || !contains(d.range, position) || seen.has(data.ruleId)) continue;
    seen.add(data.ruleId);
    const rule = linted.rules[data.ruleId];
    if (!rule) continue;
    docs.push(ruleDocsMarkdown(rule, locale));
    range ??= d.range;
  }
  if (docs.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: docs.join('\n\n---\n\n') }, range };
}
