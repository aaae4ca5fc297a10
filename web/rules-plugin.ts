import path from 'node:path';
import type { Plugin } from 'vite';
import { builtinDefinitions } from '../src/rules/builtin.js';
import { compileRules } from '../src/rules/compile.js';
import type { RuleDefinition } from '../src/rules/definition.js';
import { BUILTIN_RULES_DIR, readRuleDir } from '../src/rules/read-dir.js';

const ID = 'virtual:gongwen-rules';
const RESOLVED = `\0${ID}`;

/**
 * `import definitions from 'virtual:gongwen-rules'`: the built-in rules (plus any `extraDirs`),
 * read, validated and compiled once at build time by the same code as the CLI's build, so the page
 * carries whatever rules/ holds when it is built, and a broken rule fails the build, naming the file.
 */
export function gongwenRules(extraDirs: string[], displayBase: string): Plugin {
  return {
    name: 'gongwen-rules',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const definitions: RuleDefinition[] = await builtinDefinitions();
      for (const dir of extraDirs) definitions.push(...(await readRuleDir(dir, displayBase)));
      await compileRules(definitions);
      for (const dir of [BUILTIN_RULES_DIR, ...extraDirs]) this.addWatchFile(dir);
      for (const d of definitions) this.addWatchFile(path.resolve(displayBase, d.file));
      return `export default ${JSON.stringify(definitions)};`;
    },
  };
}
