import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleError, type RuleDefinition } from './definition.js';
import { compileRules, parseRule, type CompiledRule } from './load.js';

/** The package's root: the nearest folder above this module with a package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The rules/ folder shipped with the package. */
export const BUILTIN_RULES_DIR = path.join(packageRoot(), 'rules');

export function readRuleDir(dir: string, displayBase = process.cwd()): RuleDefinition[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (e) {
    throw new RuleError(path.relative(displayBase, dir) || dir, '', `cannot read rule directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return names.map((name) => {
    const file = path.join(dir, name);
    const shown = path.relative(displayBase, file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new RuleError(shown, '', `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return parseRule(text, shown);
  });
}

/** The built-in rules plus the rules in `extraDirs`, compiled. */
export async function loadRules(extraDirs: string[] = [], displayBase = process.cwd()): Promise<CompiledRule[]> {
  const defs = [BUILTIN_RULES_DIR, ...extraDirs].flatMap((dir) => readRuleDir(dir, displayBase));
  return compileRules(defs);
}
