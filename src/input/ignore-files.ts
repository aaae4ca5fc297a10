import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Read in every folder from the repository root down to each document, as git and ripgrep do. */
export const IGNORE_FILES = ['.gitignore', '.gongwenlintignore'];

/** The repository root above `dir` (where .git is), else `dir` itself: where ignore files start to apply. */
export function ignoreRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

/**
 * Whether a document found by walking a folder is ignored by a .gitignore or .gongwenlintignore on
 * its way from the repository root. A deeper file's `!pattern` re-includes what a shallower one
 * ignored. Each folder's files are read once.
 */
export class IgnoreFiles {
  private readonly rules = new Map<string, Ignore | null>();

  private rulesOf(dir: string): Ignore | null {
    let rules = this.rules.get(dir);
    if (rules === undefined) {
      rules = null;
      for (const name of IGNORE_FILES) {
        let text: string;
        try {
          text = fs.readFileSync(path.join(dir, name), 'utf8');
        } catch {
          continue;
        }
        rules ??= ignore();
        rules.add(text);
      }
      this.rules.set(dir, rules);
    }
    return rules;
  }

  /** `file` is an absolute path under `root` (see ignoreRoot). */
  ignores(root: string, file: string): boolean {
    const chain: string[] = [];
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      chain.unshift(d);
      if (d === root || path.dirname(d) === d) break;
    }
    let ignored = false;
    for (const dir of chain) {
      const rules = this.rulesOf(dir);
      if (!rules) continue;
      const verdict = rules.test(path.relative(dir, file).split(path.sep).join('/'));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}
