import type { RuleDefinition } from './definition.js';
import { BUILTIN_RULES_DIR, readRuleDir } from './read-dir.js';

/**
 * The rules shipped in rules/. Read and validated from the YAML files here; the bundler replaces
 * this module with the same definitions, parsed and validated at build time, so the CLI's start-up
 * pays for neither YAML nor the schema compiler (scripts/build.mjs).
 */
export async function builtinDefinitions(): Promise<RuleDefinition[]> {
  return readRuleDir(BUILTIN_RULES_DIR, process.cwd(), 'rules');
}
