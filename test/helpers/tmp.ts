import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type Io } from '../../src/cli/main.js';

/** A fresh folder with the given files (relative path → text). */
export function tmpTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-'));
  for (const [rel, body] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
  }
  return root;
}

/** Runs the CLI in `cwd` and captures its output. */
export async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
