import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

const DRAFT = '2024年上半年工作总结\n投资XX万元,新建道路2-3公里。\n';

describe('standard input (-)', () => {
  it('is linted and reported as <stdin>, with the exit status of a file', async () => {
    const r = await cli(['-', '-f', 'json'], tempDir({}), DRAFT);
    const [file] = JSON.parse(r.stdout);
    expect(file.filePath).toBe('<stdin>');
    expect(file.messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual([
      'missing-problems-section@1',
      'no-placeholder@2',
      'punctuation-width@2',
      'range-dash@2',
    ]);
    expect(r.code).toBe(1);
  });

  it('takes its format and configuration from --stdin-filename', async () => {
    const dir = tempDir({ 'docs/.gongwenlintrc.yaml': 'rules:\n  no-placeholder: off\n' });
    const r = await cli(['-', '--stdin-filename', 'docs/draft.md', '-f', 'json'], dir, '# 2024年工作计划\n\n投资XX万元。\n\n```\n新建道路2-3公里\n```\n');
    const [file] = JSON.parse(r.stdout);
    expect(file.filePath).toBe('docs/draft.md');
    // Markdown: the code block is not checked; the folder's configuration turned no-placeholder off.
    expect(file.messages).toEqual([]);
    expect(r.code).toBe(0);
    // The same text as plain text in another folder.
    const plain = await cli(['-', '-f', 'json'], dir, '# 2024年工作计划\n\n投资XX万元。\n\n```\n新建道路2-3公里\n```\n');
    expect(JSON.parse(plain.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(expect.arrayContaining(['no-placeholder', 'range-dash']));
  });

  it('with --fix prints the fixed document in its own encoding and the report on standard error', async () => {
    const gb = iconv.encode(`\r\n${DRAFT.replace(/\n/g, '\r\n')}`, 'gb18030');
    const r = await cli(['-', '--fix'], tempDir({}), gb);
    expect(iconv.decode(r.stdoutBytes, 'gb18030')).toBe('\r\n2024年上半年工作总结\r\n投资XX万元，新建道路2～3公里。\r\n');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no-placeholder');
    expect(r.code).toBe(1);
  });

  it('with --fix passes through, byte for byte, what it cannot or need not fix', async () => {
    const clean = Buffer.from('2024年工作计划\n全年新建道路3公里。\n');
    expect((await cli(['-', '--fix'], tempDir({}), clean)).stdoutBytes.equals(clean)).toBe(true);
    // Bytes that do not survive decoding: fixing would change them, so nothing is changed.
    const damaged = Buffer.concat([iconv.encode(DRAFT, 'gb18030'), Buffer.from([0xff]), iconv.encode('\n', 'gb18030')]);
    const r = await cli(['-', '--fix', '--encoding', 'gb18030'], tempDir({}), damaged);
    expect(r.stdoutBytes.equals(damaged)).toBe(true);
    expect(r.code).toBe(2);
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]);
    const notText = await cli(['-', '--fix'], tempDir({}), binary);
    expect(notText.stdoutBytes.equals(binary)).toBe(true);
    expect(notText.stderr).toMatch(/^gongwen-lint: <stdin>: /);
    expect(notText.code).toBe(2);
    const empty = await cli(['-', '--fix'], tempDir({}), '');
    expect(empty.stderr).toContain('<stdin>: 文件为空');
    expect(empty.stdoutBytes.length).toBe(0);
    // Ignored by the configuration: nothing is linted, the text still comes through.
    const ignored = await cli(['-', '--fix', '--stdin-filename', 'old/a.txt'], tempDir({ '.gongwenlintrc.yaml': 'ignores: ["old/**"]\n' }), DRAFT);
    expect(ignored.stdoutBytes.toString()).toBe(DRAFT);
    expect(ignored.code).toBe(0);
  });

  it('with --fix-dry-run prints the diff under the given name', async () => {
    const r = await cli(['-', '--fix-dry-run', '--stdin-filename', 'a.txt'], tempDir({}), DRAFT);
    expect(r.stdout).toContain('--- a/a.txt');
    expect(r.stdout).toContain('+投资XX万元，新建道路2～3公里。');
    expect(r.code).toBe(1);
  });

  it('reads a Word document named by --stdin-filename', async () => {
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('2024年工作计划'), new Paragraph('新建道路XX公里。')] }] }));
    const r = await cli(['-', '--stdin-filename', 'plan.docx', '-f', 'json'], tempDir({}), doc);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['no-placeholder@2']);
  });

  it('cannot be mixed with files, and --stdin-filename needs it', async () => {
    const dir = tempDir({ 'a.txt': DRAFT });
    const mixed = await cli(['-', 'a.txt', '--locale', 'en'], dir, DRAFT);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('"-" (standard input) cannot be combined');
    const named = await cli(['a.txt', '--stdin-filename', 'b.txt', '--locale', 'en'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--stdin-filename needs "-"');
  });

  it('is not served from the cache of the file it is named after', async () => {
    const dir = tempDir({ 'a.txt': '2024年工作计划\n全年新建道路3公里。\n' });
    expect((await cli(['a.txt', '--cache', '-f', 'json'], dir)).code).toBe(0);
    const r = await cli(['-', '--stdin-filename', 'a.txt', '--cache', '-f', 'json'], dir, DRAFT);
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
  });
});
