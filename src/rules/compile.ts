import { CHECKERS } from '../checkers/index.js';
import type { Check } from '../checkers/types.js';
import { RuleError, type RuleDefinition } from './definition.js';

export interface CompiledRule {
  definition: RuleDefinition;
  check: Check;
}

/** Definitions → runnable rules. Duplicate ids are an error: the second file would silently win. */
export async function compileRules(definitions: RuleDefinition[]): Promise<CompiledRule[]> {
  const byId = new Map<string, RuleDefinition>();
  const out: CompiledRule[] = [];
  for (const definition of definitions) {
    const other = byId.get(definition.id);
    if (other) throw new RuleError(definition.file, '/id', { id: 'rule.duplicateId', values: { id: definition.id, other: other.file } });
    byId.set(definition.id, definition);
    const checker = CHECKERS.get(definition.type)!;
    out.push({ definition, check: await checker.compile(definition) });
  }
  return out;
}
