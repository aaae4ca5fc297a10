import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { UNUSED_DIRECTIVE_RULE } from '../batch/lint-text.js';
import { planFixes } from '../fix/apply.js';
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

/**
 * "Fix all": the fixes --fix would apply to this text, planned by the same planner — the smallest
 * edits, none overlapping another (what is left out is picked up by the next run).
 */
export function fixAll(ctx: ActionContext): { edits: TextEdit[]; fixed: number } {
  if (!ctx.linted || ctx.linted.version !== ctx.doc.version) return { edits: [], fixed: 0 };
  const plan = planFixes(ctx.doc.getText(), ctx.linted.fixable);
  const edits = plan.edits.map((e) => ({ range: { start: ctx.doc.positionAt(e.start), end: ctx.doc.positionAt(e.end) }, newText: e.text }));
  return { edits, fixed: plan.applied.length };
}

function fixAllAction(ctx: ActionContext, kind: string, all: ReturnType<typeof fixAll>, diagnostics?: Diagnostic[]): CodeAction {
  return { title: msg(ctx.locale, 'action.fixAll', { n: all.fixed }), kind, ...(diagnostics && { diagnostics }), edit: workspaceEdit(ctx, all.edits) };
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** Quick fixes for the diagnostics under the cursor, "disable on this line", and "fix all". */
export function codeActions(params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const all = fixAll(ctx);
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
      // A directive cannot suppress the report of an unused directive (it would be unused itself).
      if (data.ruleId === UNUSED_DIRECTIVE_RULE) continue;
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
    if (fixable.length > 0 && all.fixed > 1) {
      actions.push(fixAllAction(ctx, CodeActionKind.QuickFix, all, fixable));
      offeredAll = true;
    }
  }
  if (!offeredAll && all.fixed > 0 && wants(params, FIX_ALL_KIND)) actions.push(fixAllAction(ctx, FIX_ALL_KIND, all));
  return actions;
}
