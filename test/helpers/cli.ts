import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` is what standard input holds. */
export async function cli(args: string[], cwd: string, stdin: string | Uint8Array = ''): Promise<CliRun & { stdoutBytes: Buffer }> {
  let stdout = '';
  let stderr = '';
  const bytes: Buffer[] = [];
  const code = await run(args, {
    cwd,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin) : stdin),
    stdoutBytes: (b) => bytes.push(Buffer.from(b)),
  });
  return { code, stdout, stderr, stdoutBytes: Buffer.concat(bytes) };
}

/** A temporary folder with the given files (string → UTF-8, Uint8Array → raw bytes). */
export function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lint-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}
