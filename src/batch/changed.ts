import { execFileSync } from 'node:child_process';
import path from 'node:path';

export class GitError extends Error {}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; code?: string; message: string };
    if (err.code === 'ENOENT') throw new GitError('git is not installed');
    throw new GitError((err.stderr || err.message).trim().split('\n')[0]);
  }
}

/**
 * Absolute paths of the files changed since `ref`: what differs between the working tree and the
 * merge base of `ref` and HEAD (the pull request's changes, committed or not), plus untracked files.
 * Deleted files are left out: there is nothing to lint.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  let base: string;
  try {
    base = git(['merge-base', ref, 'HEAD'], cwd).trim();
  } catch {
    // No common history (a shallow clone, or an unrelated ref): compare with the ref itself.
    base = git(['rev-parse', '--verify', `${ref}^{commit}`], cwd).trim();
  }
  const listed = [
    ...git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', base, '--'], top).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '-z'], top).split('\0'),
  ];
  return new Set(listed.filter(Boolean).map((p) => path.resolve(top, p)));
}
