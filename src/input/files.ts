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
}

/**
 * Expands CLI arguments (files, directories, globs) into a sorted, de-duplicated file list. What a
 * directory or a glob finds is subject to .gitignore and .gongwenlintignore (`ignoreFiles: false`
 * turns that off); a file named explicitly is always linted.
 */
export async function resolveTargets(args: string[], cwd: string, extensions = DOCUMENT_EXTENSIONS, { ignoreFiles = true } = {}): Promise<Targets> {
  const ignored = ignoreFiles ? new IgnoreFiles() : undefined;
  const keep = (root: string) => (file: string) => !ignored?.ignores(root, file);
  const seen = new Set<string>();
  const files: FileTarget[] = [];
  const missing: MissingTarget[] = [];
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
      found.filter(keep(ignoreRoot(abs))).sort().forEach(add);
    } else if (stat) {
      add(abs);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg.replaceAll('\\', '/'), { cwd, absolute: true, ignore: IGNORED_DIRS });
      if (found.length === 0) missing.push({ arg });
      found.filter(keep(ignoreRoot(cwd))).sort().forEach(add);
    } else {
      missing.push({ arg });
    }
  }
  return { files, missing };
}
