import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type LoadedConfig } from './types.js';

/** The real path (symlinks followed) when it exists: a link inside the tree that leads out is outside. */
function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * A configuration comes with the repository it lints: its `ruleDirs` may name only folders inside
 * its own tree, or a pull request could load (and quote in messages) files from anywhere on the
 * runner. The command line lifts this with --allow-outside-rules.
 */
export function assertRuleDirsInside(config: LoadedConfig, shown: string): void {
  const root = real(config.dir);
  (config.data.ruleDirs ?? []).forEach((dir, i) => {
    const rel = path.relative(root, real(path.resolve(config.dir, dir)));
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      throw new ConfigError(shown, `/ruleDirs/${i}`, { id: 'config.ruleDirOutside', values: { dir } });
    }
  });
}
