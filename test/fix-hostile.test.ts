// --fix on files as a repository holds them: Markdown regions under directives, markup inside a
// fix's span, read-only files, symlinks, modes, owners, hard links. Every case compares bytes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

const posix = process.platform !== 'win32';
const bytes = (file: string) => fs.readFileSync(file);

describe('--fix changes no byte it did not mean to', () => {
  it('leaves a Markdown disable-line region alone, even when a paragraph-wide fix reaches into it', async () => {
    const text = '# 标题\n\n这是第一行,内容\n第二行,内容 <!-- gongwen-lint-disable-line punctuation-width -->\n';
    const dir = tempDir({ 'a.md': text });
    const r = await cli(['--fix', '--format', 'json', 'a.md'], dir);
    expect(bytes(path.join(dir, 'a.md')).equals(Buffer.from(text))).toBe(true);
    // Still reported, without a fix.
    expect(r.stdout).toContain('punctuation-width');
  });

  it('leaves an inline disabled region alone', async () => {
    const text = '# 标题\n\n完成任务,<!-- gongwen-lint-disable -->其余,内容<!-- gongwen-lint-enable -->。\n';
    const dir = tempDir({ 'a.md': text });
    await cli(['--fix', 'a.md'], dir);
    expect(bytes(path.join(dir, 'a.md')).equals(Buffer.from(text))).toBe(true);
  });

  it('offers a range-dash fix only where its span is plain text in the source', async () => {
    const text = '# 标题\n\n增长5<!-- 注 -->-8%。\n\n全年增长5-8%。\n';
    const dir = tempDir({ 'a.md': text });
    await cli(['--fix', 'a.md'], dir);
    expect(bytes(path.join(dir, 'a.md')).equals(Buffer.from('# 标题\n\n增长5<!-- 注 -->-8%。\n\n全年增长5%～8%。\n'))).toBe(true);
  });

  it.runIf(posix)('refuses a read-only file with a message and leaves it as it was', async () => {
    const text = '全年增长5-8%。\n';
    const dir = tempDir({ 'a.txt': text });
    const file = path.join(dir, 'a.txt');
    fs.chmodSync(file, 0o444);
    const r = await cli(['--fix', '--locale', 'en', 'a.txt'], dir);
    expect(r.stderr).toContain('gongwen-lint: a.txt: fixes not written: the file is read-only');
    expect(r.code).toBe(2);
    expect(bytes(file).equals(Buffer.from(text))).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it.runIf(posix)('writes through a symlink to its target, and keeps the mode exactly', async () => {
    const dir = tempDir({ 'real/a.txt': '全年增长5-8%。\n' });
    const target = path.join(dir, 'real/a.txt');
    fs.chmodSync(target, 0o604);
    fs.symlinkSync('real/a.txt', path.join(dir, 'link.txt'));
    await cli(['--fix', 'link.txt'], dir);
    expect(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(bytes(target).equals(Buffer.from('全年增长5%～8%。\n'))).toBe(true);
    expect(fs.statSync(target).mode & 0o7777).toBe(0o604);
  });

  it.runIf(posix && process.getuid?.() === 0)('keeps the owner (run as root)', async () => {
    const dir = tempDir({ 'a.txt': '全年增长5-8%。\n' });
    const file = path.join(dir, 'a.txt');
    fs.chownSync(file, 1234, 2345);
    await cli(['--fix', 'a.txt'], dir);
    const st = fs.statSync(file);
    expect([st.uid, st.gid]).toEqual([1234, 2345]);
    expect(bytes(file).equals(Buffer.from('全年增长5%～8%。\n'))).toBe(true);
  });

  it.runIf(posix)('says that a hard link is broken; the other name keeps the old bytes', async () => {
    const text = '全年增长5-8%。\n';
    const dir = tempDir({ 'a.txt': text });
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const r = await cli(['--fix', '--locale', 'en', 'a.txt'], dir);
    expect(r.stderr).toContain('gongwen-lint: a.txt: fixes written; the file had 1 other hard link, which keeps the text as it was');
    expect(bytes(path.join(dir, 'a.txt')).equals(Buffer.from('全年增长5%～8%。\n'))).toBe(true);
    expect(bytes(path.join(dir, 'b.txt')).equals(Buffer.from(text))).toBe(true);
  });
});
