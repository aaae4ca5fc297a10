// Hostile input, the quick cases: each file gets a one-line message or is linted, and the other
// files of the run are still linted. The heavy cases (50 MB, a 5 MB line, 100,000 files) are in
// `npm run stress`.
import { describe, expect, it } from 'vitest';
import { decode, InputError } from '../src/input/decode.js';
import { firstInvalidUtf8 } from '../src/input/utf8-damage.js';
import { parse } from '../src/parse/index.js';
import { cli, tempDir } from './helpers/cli.js';
import { lintString } from './helpers/lint.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const BODY = '一、工作总结\n今年完成投资3亿元，同比增长5%，完成XX项目。\n'.repeat(20);
// 二、存在问题 in GB18030.
const GB = Uint8Array.from([0xb6, 0xfe, 0xa1, 0xa2, 0xb4, 0xe6, 0xd4, 0xda, 0xce, 0xca, 0xcc, 0xe2, 0x0a]);

function codeOf(bytes: Uint8Array): string {
  try {
    return decode(bytes).encoding;
  } catch (e) {
    return `${(e as InputError).code}: ${(e as InputError).detail}`;
  }
}

describe('hostile input', () => {
  it('names the byte and line where a UTF-8 file goes wrong: damage or a second encoding', () => {
    const head = utf8(BODY);
    expect(codeOf(concat(head, Uint8Array.from([0xff, 0xc3, 0x28]), head))).toBe(`invalid-utf8: byte ${head.length}, line 41`);
    expect(codeOf(concat(head, ...Array(20).fill(GB)))).toBe(`mixed-encoding: byte ${head.length}, line 41`);
    // No UTF-8 evidence before the bad byte: a GB18030 file, decoded as one.
    expect(codeOf(concat(utf8('abc\n'), ...Array(20).fill(GB)))).toBe('gb18030');
  });

  it('finds the first invalid UTF-8 sequence (overlong, surrogate, truncated, stray continuation)', () => {
    expect(firstInvalidUtf8(utf8('甲乙a😀'))).toEqual({ offset: -1, multibyte: 3 });
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toEqual({ offset: 1, multibyte: 0 });
    expect(firstInvalidUtf8(Uint8Array.from([0xe7, 0x94, 0xb2, 0xed, 0xa0, 0x80]))).toEqual({ offset: 3, multibyte: 1 });
    expect(firstInvalidUtf8(Uint8Array.from([0xe7, 0x94]))).toEqual({ offset: 0, multibyte: 0 });
    expect(firstInvalidUtf8(Uint8Array.from([0x80]))).toEqual({ offset: 0, multibyte: 0 });
  });

  it('lints NUL bytes past the start of a text file, and refuses a file that starts binary', async () => {
    expect(codeOf(concat(utf8(BODY.repeat(10)), Uint8Array.from([0]), utf8(BODY)))).toBe('utf-8');
    expect(codeOf(concat(utf8(BODY), Uint8Array.from([0, 0, 0]), utf8(BODY)))).toMatch(/^binary/);
    const findings = await lintString(`${BODY}\u0000XX\u0000`);
    expect(findings.length).toBeGreaterThan(0);
  });

  it.each([
    ['block quotes', '>'.repeat(5000) + ' 甲'],
    ['spaced block quotes', '> '.repeat(5000) + '甲'],
    ['list items on one line', '- '.repeat(5000) + '甲'],
    ['indented list items', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- 甲`).join('\n')],
    ['unmatched brackets', '[甲 '.repeat(3000)],
    ['emphasis markers', '**甲*乙_丙'.repeat(1000)],
  ])('refuses Markdown too deep or dense for the parser (%s) with a message, quickly', async (_name, text) => {
    const t0 = performance.now();
    await expect(parse(text, 'markdown')).rejects.toThrow(/too-complex: line \d+: /);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('parses Markdown at the limits', async () => {
    const nested = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- 第${i}层XX`).join('\n');
    const parsed = await parse(`${'>'.repeat(60)} 甲\n\n${nested}\n`, 'markdown');
    expect(parsed.content).toContain('第29层XX');
  });

  it('the CLI names each bad file in one line and still lints the others', async () => {
    const dir = tempDir({
      'a-good.txt': BODY,
      'b-nested.md': '>'.repeat(5000) + ' 甲\n',
      'c-binary.txt': concat(Uint8Array.from([0, 1, 2, 0]), utf8(BODY)),
      'd-damaged.txt': concat(utf8(BODY), Uint8Array.from([0xff]), utf8(BODY)),
      'e-mixed.txt': concat(utf8(BODY), ...Array(30).fill(GB)),
      'f-empty.txt': '',
      'g-good.md': `# 标题\n\n${BODY}`,
    });
    const r = await cli(['--format', 'json', '--locale', 'en', '.'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^gongwen-lint: b-nested\.md: too complex to check \(line 1: Markdown nested more than 64 levels deep\)$/);
    expect(lines[1]).toMatch(/^gongwen-lint: c-binary\.txt: not a text file/);
    expect(lines[2]).toMatch(/^gongwen-lint: d-damaged\.txt: invalid UTF-8 bytes \(byte \d+, line 41\)/);
    expect(lines[3]).toMatch(/^gongwen-lint: e-mixed\.txt: the file mixes encodings: it stops being UTF-8 at byte \d+, line 41/);
    expect(lines[4]).toMatch(/^gongwen-lint: f-empty\.txt: file is empty/);
    const report = JSON.parse(r.stdout) as unknown;
    const text = JSON.stringify(report);
    expect(text).toContain('a-good.txt');
    expect(text).toContain('g-good.md');
    expect(text.match(/no-placeholder/g)?.length).toBeGreaterThanOrEqual(40);
  });
});
