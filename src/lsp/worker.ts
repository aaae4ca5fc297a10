import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { lintModel } from '../engine/lint.js';
import { buildModel } from '../model/document.js';
import { parse } from '../parse/index.js';
import { RuleError } from '../rules/definition.js';
import { builtinDefinitions } from '../rules/builtin.js';
import { compileRules, type CompiledRule } from '../rules/compile.js';
import { BUILTIN_RULES_DIR, readRuleDir } from '../rules/read-dir.js';
import { MarkdownSections } from './markdown-sections.js';
import type { LintReply, LintRequest, RuleMeta } from './protocol.js';

/**
 * The lint worker: runs the engine off the server's thread, so a slow document never stalls the
 * editor's requests, and a runaway rule can be stopped by terminating the worker.
 */

interface LoadedRules {
  compiled: CompiledRule[];
  meta: Map<string, RuleMeta>;
}

const loaded = new Map<string, Promise<LoadedRules>>();
// Editing touches one section at a time: the others' Markdown parse is reused.
const markdown = new MarkdownSections();

async function loadRules(root: string, dirs: string[]): Promise<LoadedRules> {
  const builtin = await builtinDefinitions();
  const extra = [];
  for (const dir of dirs) extra.push(...(await readRuleDir(path.resolve(root, dir), root)));
  const compiled = await compileRules([...builtin, ...extra]);
  const builtinIds = new Set(builtin.map((d) => d.id));
  const meta = new Map<string, RuleMeta>();
  for (const { definition: d } of compiled) {
    const shipped = builtinIds.has(d.id);
    const file = shipped ? path.join(BUILTIN_RULES_DIR, path.basename(d.file)) : path.resolve(root, d.file);
    meta.set(d.id, { id: d.id, severity: d.severity, docs: d.docs, builtin: shipped, file });
  }
  return { compiled, meta };
}

function rulesFor(root: string, dirs: string[]): Promise<LoadedRules> {
  const key = JSON.stringify([root, dirs]);
  let rules = loaded.get(key);
  if (!rules) {
    rules = loadRules(root, dirs);
    // A broken rule file is retried on the next lint: the user is probably fixing it.
    rules.catch(() => loaded.delete(key));
    loaded.set(key, rules);
  }
  return rules;
}

async function handle(req: LintRequest): Promise<LintReply> {
  const started = performance.now();
  let rules: LoadedRules;
  try {
    rules = await rulesFor(req.root, req.ruleDirs);
  } catch (e) {
    if (e instanceof RuleError) return { id: req.id, type: 'rules-error', message: e.message };
    throw e;
  }
  const levels = new Map(Object.entries(req.levels));
  const parsed = req.format === 'markdown' ? markdown.parse(req.text) : await parse(req.text, req.format);
  const result = lintModel(buildModel(req.text, req.format, parsed), { rules: rules.compiled, locale: req.locale, levels });
  const used: Record<string, RuleMeta> = {};
  for (const f of result.findings) used[f.ruleId] ??= rules.meta.get(f.ruleId)!;
  return {
    id: req.id,
    type: 'ok',
    findings: result.findings,
    failures: result.failures.map((f) => ({ ruleId: f.ruleId, message: f.error.message, stack: f.error.stack })),
    rules: used,
    ms: performance.now() - started,
  };
}

parentPort!.on('message', (req: LintRequest) => {
  handle(req).then(
    (reply) => parentPort!.postMessage(reply),
    (e: Error) => parentPort!.postMessage({ id: req.id, type: 'error', message: e?.message ?? String(e), stack: e?.stack } satisfies LintReply),
  );
});
