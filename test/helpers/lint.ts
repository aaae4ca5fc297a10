import { lintText } from '../../src/engine/lint.js';
import type { CompiledRule } from '../../src/rules/compile.js';
import { loadRules } from '../../src/rules/load-files.js';
import type { Finding, SourceFormat } from '../../src/types.js';

let builtin: Promise<CompiledRule[]> | undefined;
export function builtinRules(): Promise<CompiledRule[]> {
  builtin ??= loadRules([]);
  return builtin;
}

/** Lints a string with the built-in rules (optionally only one rule). */
export async function lintString(text: string, opts: { format?: SourceFormat; rule?: string } = {}): Promise<Finding[]> {
  const rules = (await builtinRules()).filter((r) => !opts.rule || r.definition.id === opts.rule);
  const { findings } = await lintText(text, opts.format ?? 'text', { rules });
  return findings;
}
