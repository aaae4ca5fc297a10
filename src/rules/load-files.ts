import { builtinDefinitions } from './builtin.js';
import { compileRules, type CompiledRule } from './compile.js';
import { readRuleDir } from './read-dir.js';

export { BUILTIN_RULES_DIR, packageRoot, readRuleDir } from './read-dir.js';

/** The built-in rules plus the rules in `extraDirs`, compiled. */
export async function loadRules(extraDirs: string[] = [], displayBase = process.cwd()): Promise<CompiledRule[]> {
  const extra = [];
  for (const dir of extraDirs) extra.push(...(await readRuleDir(dir, displayBase)));
  return compileRules([...(await builtinDefinitions()), ...extra]);
}
