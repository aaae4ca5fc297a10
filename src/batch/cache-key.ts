import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The user's cache folder for gongwen-lint (XDG_CACHE_HOME or ~/.cache). */
export function userCacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'gongwen-lint');
}

/**
 * The key that signs what gongwen-lint caches: random, kept outside any cache file
 * (GONGWEN_LINT_CACHE_SECRET, or a file in the user's cache folder, made on first use). A cache
 * committed to a repository or written by hand is then only data: its entries do not verify.
 */
export function cacheKey(): Buffer {
  const given = process.env.GONGWEN_LINT_CACHE_SECRET;
  if (given) return Buffer.from(given);
  const dir = userCacheDir();
  const file = path.join(dir, 'cache-key');
  try {
    const key = fs.readFileSync(file);
    if (key.length >= 32) return key;
  } catch {
    // Not made yet.
  }
  const key = randomBytes(32);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    // Another process made it first (read it), or no writable home: this run's key only.
    try {
      const made = fs.readFileSync(file);
      if (made.length >= 32) return made;
    } catch {
      // Nothing to read either.
    }
    return key;
  }
}
