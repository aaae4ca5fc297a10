import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { allFindings, lintParsedText } from '../batch/lint-text.js';
import { ConfigResolver } from '../config/resolve.js';
import { RuleRegistry, type PreparedRules } from '../config/rule-set.js';
import { ConfigError, type ResolvedConfig } from '../config/types.js';
import { frontMatterTitleFor, parse } from '../parse/index.js';
import { RuleError } from '../rules/definition.js';
import { builtinDefinitions } from '../rules/builtin.js';
import { BUILTIN_RULES_DIR } from '../rules/read-dir.js';
import { MarkdownSections } from './markdown-sections.js';
import type { LintReply, LintRequest, RuleMeta } from './protocol.js';

/**
 * The lint worker: runs the engine off the server's thread, so a slow document never stalls the
 * editor's requests, and a runaway rule can be stopped by terminating the worker. Each document is
 * linted as the CLI lints its file: the configuration files found upwards from its folder, then
 * the rules, then the suppression directives.
 */

/** Configuration files and rules as read for one workspace, settings and configuration generation. */
interface Workspace {
  key: string;
  resolver: ConfigResolver;
  registry: RuleRegistry;
}

let workspace: Workspace | undefined;
// Editing touches one section at a time: the others' Markdown parse is reused.
const markdown = new MarkdownSections();
let builtinIds: Promise<Set<string>> | undefined;
const metaOf = new WeakMap<PreparedRules, Promise<Map<string, RuleMeta>>>();

/**
 * The resolver and registry cache every file they read; a new generation (a watched configuration
 * or rule file changed) or other editor settings start afresh.
 */
function workspaceFor(req: LintRequest): Workspace {
  const key = JSON.stringify([req.root, req.ruleDirs, req.generation]);
  if (workspace?.key !== key) {
    const extraDirs = req.ruleDirs.map((d) => path.resolve(req.root, d));
    workspace = { key, resolver: new ConfigResolver(req.root, undefined, extraDirs), registry: new RuleRegistry(req.root) };
  }
  return workspace;
}

/** The editor's ruleLevels apply over the configuration files; ids no rule has are returned, not fatal. */
async function withEditorLevels(config: ResolvedConfig, levels: LintRequest['levels'], registry: RuleRegistry): Promise<{ config: ResolvedConfig; unknown: string[] }> {
  const ids = Object.keys(levels);
  if (ids.length === 0) return { config, unknown: [] };
  const known = new Set((await registry.definitions(config.ruleDirs)).map((d) => d.id));
  const rules = { ...config.rules };
  const unknown: string[] = [];
  for (const id of ids) {
    if (!known.has(id)) unknown.push(id);
    else rules[id] = { ...rules[id], level: levels[id], source: { file: 'gongwenLint.ruleLevels', pointer: `/${id}` } };
  }
  return { config: { ...config, rules }, unknown };
}

function ruleMeta(prepared: PreparedRules, root: string): Promise<Map<string, RuleMeta>> {
  let meta = metaOf.get(prepared);
  if (!meta) {
    builtinIds ??= builtinDefinitions().then((defs) => new Set(defs.map((d) => d.id)));
    meta = builtinIds.then((builtin) => {
      const out = new Map<string, RuleMeta>();
      for (const { definition: d } of prepared.rules) {
        const shipped = builtin.has(d.id);
        const file = shipped ? path.join(BUILTIN_RULES_DIR, path.basename(d.file)) : path.resolve(root, d.file);
        out.set(d.id, { id: d.id, severity: d.severity, docs: d.docs, builtin: shipped, file });
      }
      return out;
    });
    metaOf.set(prepared, meta);
  }
  return meta;
}

async function handle(req: LintRequest): Promise<LintReply> {
  const started = performance.now();
  const ws = workspaceFor(req);
  let config: ResolvedConfig;
  let prepared: PreparedRules;
  let unknownLevels: string[];
  try {
    // A document not saved yet gets the configuration of the workspace's root folder.
    const resolution = await ws.resolver.resolve(req.path ?? path.join(req.root, 'untitled'));
    if (resolution.ignored) return { id: req.id, type: 'ok', findings: [], failures: [], rules: {}, notes: [], ms: performance.now() - started };
    ({ config, unknown: unknownLevels } = await withEditorLevels(resolution.config, req.levels, ws.registry));
    prepared = await ws.registry.prepare(config);
  } catch (e) {
    if (!(e instanceof RuleError || e instanceof ConfigError)) throw e;
    // Everything read is cached, the failure too: drop it so that the next lint reads the files again.
    if (workspace === ws) workspace = undefined;
    return { id: req.id, type: 'rules-error', message: e.inLocale(req.locale) };
  }
  const parsed = req.format === 'markdown' ? markdown.parse(req.text, await frontMatterTitleFor(req.text)) : await parse(req.text, req.format);
  const outcome = lintParsedText(req.text, parsed, prepared, { format: req.format, config, locale: req.locale });
  const findings = allFindings(outcome);
  const meta = await ruleMeta(prepared, req.root);
  const used: Record<string, RuleMeta> = {};
  for (const f of findings) {
    const rule = meta.get(f.ruleId);
    if (rule) used[f.ruleId] ??= rule;
  }
  return {
    id: req.id,
    type: 'ok',
    findings,
    failures: outcome.failures.map((f) => ({ ruleId: f.ruleId, message: f.error.message, stack: f.error.stack })),
    rules: used,
    notes: unknownLevels.map((id) => `gongwenLint.ruleLevels: unknown rule "${id}"; ignored`),
    ms: performance.now() - started,
  };
}

parentPort!.on('message', (req: LintRequest) => {
  handle(req).then(
    (reply) => parentPort!.postMessage(reply),
    (e: Error) => parentPort!.postMessage({ id: req.id, type: 'error', message: e?.message ?? String(e), stack: e?.stack } satisfies LintReply),
  );
});
