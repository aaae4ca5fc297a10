import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale, SourceFormat } from '../types.js';
import { dataOf, type LintedDocument } from './diagnostics.js';
import { msg } from './messages.js';
import { suppressionEdit } from './suppress.js';

/** The kind editors request for "fix all on save" (VS Code's editor.codeActionsOnSave). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen-lint`;

export interface ActionContext {
  doc: TextDocument;
  format: SourceFormat;
  linted?: LintedDocument;
  locale: Locale;
  /** The client applies versioned edits (documentChanges), so an edit to a changed document is refused. */
  versionedEdits: boolean;
}

function workspaceEdit(ctx: ActionContext, edits: TextEdit[]): WorkspaceEdit {
  const { uri, version } = ctx.doc;
  return ctx.versionedEdits ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function clip(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

function fixTitle(ctx: ActionContext, edit: TextEdit): string {
  const from = clip(ctx.doc.getText(edit.range));
  const to = clip(edit.newText);
  const detail = from && to ? msg(ctx.locale, 'action.replace', { from, to }) : from ? msg(ctx.locale, 'action.delete', { from }) : msg(ctx.locale, 'action.insert', { to });
  return msg(ctx.locale, 'action.fix', { detail });
}

const offsetOf = (ctx: ActionContext, edit: TextEdit) => ctx.doc.offsetAt(edit.range.start);

/** Every fix of the current lint, in order, leaving out any that overlaps an earlier one (a second run picks those up). */
export function fixAllEdits(ctx: ActionContext): TextEdit[] {
  if (!ctx.linted || ctx.linted.version !== ctx.doc.version) return [];
  const fixes = ctx.linted.diagnostics.flatMap((d) => dataOf(d)?.fix ?? []).sort((a, b) => offsetOf(ctx, a) - offsetOf(ctx, b) || ctx.doc.offsetAt(a.range.end) - ctx.doc.offsetAt(b.range.end));
  const out: TextEdit[] = [];
  let lastEnd = -1;
  for (const fix of fixes) {
    const start = offsetOf(ctx, fix);
    if (start < lastEnd) continue;
    out.push(fix);
    lastEnd = Math.max(ctx.doc.offsetAt(fix.range.end), start);
  }
  return out;
}

function fixAllAction(ctx: ActionContext, kind: string, edits: TextEdit[], diagnostics?: Diagnostic[]): CodeAction {
  return { title: msg(ctx.locale, 'action.fixAll', { n: edits.length }), kind, ...(diagnostics && { diagnostics }), edit: workspaceEdit(ctx, edits) };
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** Quick fixes for the diagnostics under the cursor, "disable on this line", and "fix all". */
export function codeActions(params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const allEdits = fixAllEdits(ctx);
  let offeredAll = false;
  if (wants(params, CodeActionKind.QuickFix)) {
    const disabled = new Set<string>();
    const fixable: Diagnostic[] = [];
    for (const d of params.context.diagnostics) {
      const data = dataOf(d);
      // A diagnostic of an older version would put its edit in the wrong place.
      if (!data || data.version !== ctx.doc.version) continue;
      if (data.fix) {
        fixable.push(d);
        actions.push({ title: fixTitle(ctx, data.fix), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: workspaceEdit(ctx, [data.fix]) });
      }
      const key = `${d.range.start.line} ${data.ruleId}`;
      if (!disabled.has(key)) {
        disabled.add(key);
        const edit = suppressionEdit(ctx.doc, ctx.format, data.ruleId, 'disable-next-line', d.range.start.line);
        actions.push({ title: msg(ctx.locale, 'action.disableLine', { rule: data.ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(ctx, [edit]) });
      }
      if (!disabled.has(data.ruleId)) {
        disabled.add(data.ruleId);
        const edit = suppressionEdit(ctx.doc, ctx.format, data.ruleId, 'disable');
        actions.push({ title: msg(ctx.locale, 'action.disableFile', { rule: data.ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(ctx, [edit]) });
      }
    }
    // Only worth offering beside a fix when it does more than that one fix.
    if (fixable.length > 0 && allEdits.length > 1) {
      actions.push(fixAllAction(ctx, CodeActionKind.QuickFix, allEdits, fixable));
      offeredAll = true;
    }
  }
  if (!offeredAll && allEdits.length > 0 && wants(params, FIX_ALL_KIND)) actions.push(fixAllAction(ctx, FIX_ALL_KIND, allEdits));
  return actions;
}
