import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';

// The published entry point, built by `npm install` (prepare) — catches what only the bundle breaks.
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).bin['gongwen-lint']);

function gwl(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(fs.existsSync(path.join(root, 'dist/cli.js')))('the built CLI', () => {
  it('lints files with the rules inlined at build time', () => {
    const dir = tempDir({ 'a.txt': '某镇2024年工作总结\n一、主要成效\n完成投资*亿元。\n' });
    const r = gwl(['a.txt', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).toEqual(['no-placeholder', 'missing-problems-section', 'no-placeholder']);
  });

  it('reads user rule files at run time, and names the file of an invalid one', () => {
    const dir = tempDir({ 'r/bad.yaml': 'id: bad\ntype: nonsense\n', 'a.txt': '正文。\n' });
    const r = gwl(['--rules', 'r', 'a.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gongwen-lint: r/bad.yaml: /type 必须是以下之一');
  });

  it('reads standard input (-), and with --fix writes the fixed bytes to standard output', () => {
    const dir = tempDir({});
    const lint = spawnSync(process.execPath, [bin, '-', '-f', 'json'], { cwd: dir, input: '2024年工作计划\n新建道路XX公里。\n', encoding: 'utf8' });
    expect(lint.status).toBe(1);
    expect(lint.stderr).toBe('');
    expect(JSON.parse(lint.stdout)[0]).toMatchObject({ filePath: '<stdin>', errorCount: 1 });
    // UTF-16 with a BOM, so that a text-mode write anywhere on the way would show.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2024年工作计划\n新建道路2-3公里。\n', 'utf16le')]);
    const fix = spawnSync(process.execPath, [bin, '-', '--fix'], { cwd: dir, input: utf16 });
    expect(fix.status).toBe(0);
    expect(fix.stdout.equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2024年工作计划\n新建道路2～3公里。\n', 'utf16le')]))).toBe(true);
  });

  it.runIf(fs.existsSync('/usr/bin/script'))('tells a person typing into - how to end the input', () => {
    // script(1) gives the CLI a terminal as standard input; Ctrl-D (\x04) ends the text.
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${bin}" - --locale en -f json`, '/dev/null'], { input: '2024年工作计划\n新建XX公里。\n\x04', encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toContain('gongwen-lint: reading the document from standard input: type or paste it, then press Ctrl-D');
    expect(r.stdout).toContain('"filePath":"<stdin>"');
  });

  it('prints --version and --help', () => {
    expect(gwl(['--version'], root).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(gwl(['--help'], root).stdout).toContain('用法');
    expect(gwl(['--help', '--locale', 'en'], root).stdout).toContain('Usage');
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    // Enough findings that the report outgrows the pipe's buffer.
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d${i}.txt`] = `某镇2024年工作总结\n${'完成投资*亿元,增长X%。\n'.repeat(200)}`;
    const dir = tempDir(files);
    const child = spawn(process.execPath, [bin, '.'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read one chunk, then close the pipe as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
  });
});

