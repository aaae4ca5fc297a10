import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFailure } from '../i18n/problem.js';
import { RuleError, type RuleDefinition } from './definition.js';

/** The package's root: the nearest folder above this module with a package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The rules/ folder shipped with the package. */
export const BUILTIN_RULES_DIR = path.join(packageRoot(), 'rules');

/**
 * Reads and validates every *.yaml / *.yml file in a folder. `displayBase` makes file names in
 * messages relative; `label`, when given, replaces the folder's path in them (rules/x.yaml).
 */
export async function readRuleDir(dir: string, displayBase = process.cwd(), label?: string): Promise<RuleDefinition[]> {
  const shown = (file: string) => (label ? `${label}/${path.basename(file)}` : path.relative(displayBase, file) || file);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (e) {
    throw new RuleError(label ?? (path.relative(displayBase, dir) || dir), '', { id: 'rule.dirUnreadable', values: { code: readFailure(e) } });
  }
  const { parseRule } = await import('./parse-rule.js');
  const definitions = names.map((name) => {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new RuleError(shown(file), '', { id: 'file.unreadable', values: { code: readFailure(e) } });
    }
    return parseRule(text, shown(file));
  });
  // The shipped rules were analysed when the package was built (scripts/build.mjs).
  if (path.resolve(dir) !== BUILTIN_RULES_DIR) await (await import('./safe-regex.js')).assertSafeRegexes(definitions);
  return definitions;
}
