import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFormat } from '../types.js';

/**
 * "Disable this rule on this line": the suppression markers of the configuration issue, on their own
 * line above the finding — an HTML comment in Markdown, a 【】 marker a Word user can type in plain text.
 */
const MARKER = {
  markdown: {
    re: /^([ \t]*<!--\s*gongwen-lint-disable-next-line)(?![\w-])([\s\S]*?)(-->\s*)$/,
    make: (ids: string) => `<!-- gongwen-lint-disable-next-line ${ids} -->`,
  },
  // Half-width brackets and full-width spaces too: what a Word user may type.
  text: {
    re: /^([ \t\u3000]*[【[][ \t\u3000]*gongwen-lint-disable-next-line)(?![\w-])([^】\]\r\n]*)([】\]][ \t\u3000]*)$/,
    make: (ids: string) => `【gongwen-lint-disable-next-line ${ids}】`,
  },
} as const;

/** A justification follows the rule list after ` -- ` or `——`. */
const JUSTIFICATION = /\s--\s|——|\s--$/;

function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n|\n|\r)$/, '');
}

/**
 * The edit that suppresses `ruleId` on `line`. A marker already above the line gets the rule added
 * (two stacked markers would make the first one apply to the second); otherwise a new marker line
 * is inserted with the line's indentation.
 */
export function disableNextLineEdit(doc: TextDocument, line: number, ruleId: string, format: SourceFormat): TextEdit {
  const marker = MARKER[format];
  if (line > 0) {
    const above = lineText(doc, line - 1);
    const m = marker.re.exec(above);
    if (m) {
      const [, head, rest, close] = m;
      const sep = JUSTIFICATION.exec(rest);
      const list = sep ? rest.slice(0, sep.index) : rest;
      const ids = list.split(/[\s,，、]+/).filter(Boolean);
      // A marker naming no rule already disables every rule on the line.
      if (ids.length > 0 && !ids.includes(ruleId)) ids.push(ruleId);
      const tail = sep ? rest.slice(sep.index) : format === 'markdown' ? ' ' : '';
      const newText = ids.length > 0 ? `${head} ${ids.join(', ')}${tail}${close}` : above;
      return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText };
    }
  }
  const indent = /^[ \t]*/.exec(lineText(doc, line))![0];
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${marker.make(ruleId)}${eolOf(doc.getText())}` };
}
