// Files a pull request can plant in a repository: the check reads regular files inside the tree
// and nothing else, and prints their names so that they cannot drive the terminal.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../src/input/decode.js';
import { readRegularFile } from '../src/input/read.js';
import { terminalSafe } from '../src/report/terminal.js';
import { cli, tempDir } from './helpers/cli.js';

const DOC = '一、工作总结\n完成XX项目。\n';
const posix = process.platform !== 'win32';

function codeOf(f: () => unknown): string {
  try {
    f();
    return 'read';
  } catch (e) {
    return e instanceof InputError ? `${e.code}${e.detail ? `: ${e.detail}` : ''}` : String(e);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.runIf(posix)('files outside what was asked', () => {
  it('refuses a symlink to /dev/zero and a FIFO in one line each, quickly, and lints the other files', async () => {
    const dir = tempDir({ 'good.txt': DOC });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]).status).toBe(0);
    expect(codeOf(() => readRegularFile(path.join(dir, 'zero.txt')))).toBe('not-regular: device');
    expect(codeOf(() => readRegularFile(path.join(dir, 'pipe.txt')))).toBe('not-regular: FIFO');
    const t0 = performance.now();
    // Named explicitly (/dev/zero is outside the tree: --follow-symlinks lets the link be read, and the device is still refused).
    const r = await cli(['--format', 'json', '--locale', 'en', '--follow-symlinks', 'good.txt', 'zero.txt', 'pipe.txt'], dir);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gongwen-lint: zero.txt: not a regular file (device), not read');
    expect(r.stderr).toContain('gongwen-lint: pipe.txt: not a regular file (FIFO), not read');
    expect(r.stdout).toContain('good.txt');
  });

  it('a directory walk does not follow symlinks out of the directory, files or folders', async () => {
    const secret = tempDir({ 'secret.txt': '机密XX内容\n', 'dir/also.txt': '机密XX内容\n' });
    const dir = tempDir({ 'good.txt': DOC, 'sub/inner.txt': DOC });
    fs.symlinkSync(path.join(secret, 'secret.txt'), path.join(dir, 'leak.txt'));
    fs.symlinkSync(path.join(secret, 'dir'), path.join(dir, 'leakdir'));
    fs.symlinkSync(path.join(dir, 'sub', 'inner.txt'), path.join(dir, 'inside-link.txt'));
    const r = await cli(['--format', 'json', '.'], dir);
    expect(r.stdout).not.toContain('机密');
    expect(r.stdout).not.toContain('leak');
    expect(r.stdout).toContain('good.txt');
    expect(r.stdout).toContain('inside-link.txt');
    const g = await cli(['--format', 'json', '**/*.txt'], dir);
    expect(g.stdout).not.toContain('leak');
    expect(g.stdout).toContain('good.txt');
  });

  it('reads a named symlink to outside the working directory only with --follow-symlinks', async () => {
    const secret = tempDir({ 'secret.txt': '机密XX内容\n' });
    const dir = tempDir({ 'good.txt': DOC });
    fs.symlinkSync(path.join(secret, 'secret.txt'), path.join(dir, 'leak.txt'));
    const r = await cli(['--format', 'sarif', '--locale', 'en', 'leak.txt', 'good.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gongwen-lint: leak.txt: symbolic link to outside the working directory, not read; add --follow-symlinks');
    expect(r.stdout).not.toContain('机密');
    const followed = await cli(['--format', 'json', '--follow-symlinks', 'leak.txt'], dir);
    expect(followed.stdout).toContain('"filePath":"leak.txt"');
    expect(followed.stdout).toContain('no-placeholder');
  });

  it('escapes control characters of file names in the terminal report and messages', async () => {
    expect(terminalSafe('a\u001b[31mb\nc\u007f.txt')).toBe('a\\x1b[31mb\\nc\\x7f.txt');
    const name = 'x\u001b[2Jy\nz.txt';
    const dir = tempDir({ [name]: DOC });
    const r = await cli(['--no-color', name, 'missing\u001b.txt'], dir);
    expect(r.stdout).toContain('x\\x1b[2Jy\\nz.txt');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).toContain('missing\\x1b.txt');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('says that a file changed while being read instead of decoding half of it', () => {
    const dir = tempDir({ 'a.txt': DOC });
    const file = path.join(dir, 'a.txt');
    const real = fs.fstatSync;
    let calls = 0;
    // The second look at the descriptor (after reading) sees the file grown by an appending writer.
    vi.spyOn(fs, 'fstatSync').mockImplementation(((fd: number) => {
      const st = real(fd);
      return ++calls === 2 ? Object.assign(Object.create(Object.getPrototypeOf(st)), st, { size: st.size + 10 }) : st;
    }) as typeof fs.fstatSync);
    expect(codeOf(() => readRegularFile(file))).toBe('changed');
    vi.restoreAllMocks();
    expect(readRegularFile(file).toString()).toBe(DOC);
  });

  it('keeps reading regular files in the tree, through symlinks inside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), DOC);
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    expect(readRegularFile(path.join(dir, 'b.txt')).toString()).toBe(DOC);
  });
});

describe('YAML from an untrusted repository', () => {
  it('an alias bomb in a rule file or a configuration is refused in one line naming the file', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    const dir = tempDir({ 'rules/bomb.yaml': `${bomb}\n`, 'a.txt': DOC });
    const r = await cli(['--rules', 'rules', 'a.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.yaml.*YAML 无法读取：别名展开过多/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const c = tempDir({ '.gongwenlintrc.yaml': `${bomb}\n`, 'a.txt': DOC });
    const rc = await cli(['a.txt'], c);
    expect(rc.code).toBe(2);
    expect(rc.stderr).toMatch(/\.gongwenlintrc\.yaml.*YAML 无法读取/);
    expect((await cli(['a.txt', '--locale', 'en'], c)).stderr).toMatch(/\.gongwenlintrc\.yaml.*YAML cannot be read/);
  });
});
