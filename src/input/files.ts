import fs from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ignoreRoot, IgnoreFiles } from './ignore-files.js';

/** Extensions linted when a directory is named; a file named explicitly is linted whatever its extension. */
const DOCUMENT_EXTENSIONS = ['txt', 'md', 'markdown', 'docx', 'doc', 'wps', 'pdf', 'ofd'];

// Word leaves ~$name.docx lock files next to open documents; *.gongwen-lint.docx are our own annotated copies.
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**', '**/~$*', '**/*.gongwen-lint.docx'];

export interface FileTarget {
  /** Absolute path (for standard input, of the name it is linted under). */
  path: string;
  /** The document's bytes when it comes from standard input. */
  stdin?: Uint8Array;
}

export interface MissingTarget {
  /** The argument as the user typed it. */
  arg: string;
}

export interface Targets {
  files: FileTarget[];
  missing: MissingTarget[];
  /** Named symlinks to outside the working directory, not read without --follow-symlinks. */
  outside: MissingTarget[];
}

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return null;
  }
}

/** Whether `real` is `root` or inside it (both real paths). */
function within(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Expands CLI arguments (files, directories, globs) into a sorted, de-duplicated file list. What a
 * pull request can put in a repository must not make the check read outside it: a directory walk
 * (or a glob) keeps only files whose real path is inside the directory walked (the working
 * directory for a glob), as ESLint and Ruff do; a file named explicitly through a symlink is read
 * only when its target is inside the working directory, unless `followSymlinks`. What a directory or
 * a glob finds is subject to .gitignore and .gongwenlintignore (`ignoreFiles: false` turns that
 * off); a file named explicitly is always linted.
 */
export async function resolveTargets(args: string[], cwd: string, extensions = DOCUMENT_EXTENSIONS, { ignoreFiles = true, followSymlinks = false } = {}): Promise<Targets> {
  const ignored = ignoreFiles ? new IgnoreFiles() : undefined;
  const keep = (root: string) => (file: string) => !ignored?.ignores(root, file);
  const seen = new Set<string>();
  const files: FileTarget[] = [];
  const missing: MissingTarget[] = [];
  const outside: MissingTarget[] = [];
  const realCwd = realOrNull(cwd) ?? cwd;
  /** Found by a walk from `root`: kept when its real path stays inside the root. */
  const inTree = (root: string) => {
    if (followSymlinks) return () => true;
    const realRoot = realOrNull(root) ?? root;
    return (p: string) => {
      const real = realOrNull(p);
      return real !== null && within(realRoot, real);
    };
  };
  const add = (p: string) => {
    const abs = path.resolve(cwd, p);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push({ path: abs });
    }
  };
  const extGlob = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = await glob(extGlob, { cwd: abs, absolute: true, ignore: IGNORED_DIRS, caseSensitiveMatch: false });
      found.filter(keep(ignoreRoot(abs))).filter(inTree(abs)).sort().forEach(add);
    } else if (stat) {
      const real = realOrNull(abs);
      if (!followSymlinks && real !== null && !within(realCwd, real) && fs.lstatSync(abs).isSymbolicLink()) outside.push({ arg });
      else add(abs);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg.replaceAll('\\', '/'), { cwd, absolute: true, ignore: IGNORED_DIRS });
      if (found.length === 0) missing.push({ arg });
      found.filter(keep(ignoreRoot(cwd))).filter(inTree(cwd)).sort().forEach(add);
    } else {
      missing.push({ arg });
    }
  }
  return { files, missing, outside };
}
