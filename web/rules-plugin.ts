import path from 'node:path';
import type { Plugin } from 'vite';
import { compileRules } from '../src/rules/compile.js';
import { readRuleDir } from '../src/rules/load-files.js';

const ID = 'virtual:gongwen-rules';
const RESOLVED = `\0${ID}`;

/**
 * `import definitions from 'virtual:gongwen-rules'`: the rule files in `dirs`, read, validated
 * against the schema and compiled once at build time, so the page carries whatever rules/ holds
 * when it is built and a broken rule fails the build (naming the file) rather than the page.
 */
export function gongwenRules(dirs: string[], displayBase: string): Plugin {
  return {
    name: 'gongwen-rules',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const definitions = dirs.flatMap((dir) => readRuleDir(dir, displayBase));
      await compileRules(definitions);
      for (const dir of dirs) this.addWatchFile(dir);
      for (const d of definitions) this.addWatchFile(path.resolve(displayBase, d.file));
      return `export default ${JSON.stringify(definitions)};`;
    },
  };
}
