import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

const CLEAN = '2024年上半年工作总结\n一、主要成效\n全镇经济平稳运行。\n二、存在的问题\n项目储备不足。\n三、下半年打算\n继续抓好项目建设。\n';
const PLACEHOLDER = '2024年上半年工作总结\n一、主要成效\n完成投资XX亿元。\n二、存在的问题\n项目储备不足。\n';
const NO_PROBLEMS = '2024年上半年工作总结\n一、主要成效\n全镇经济平稳运行。\n二、下半年打算\n继续抓好项目建设。\n';

describe('exit codes', () => {
  it('0 when clean', async () => {
    const dir = tempDir({ 'a.txt': CLEAN });
    const r = await cli(['a.txt'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未发现问题');
  });

  it('1 when there are errors, with the finding located', async () => {
    const dir = tempDir({ 'a.txt': PLACEHOLDER });
    const r = await cli(['a.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3:5');
    expect(r.stdout).toContain('no-placeholder');
  });

  it('underlines the span in the code frame, whatever the characters before it', async () => {
    // Chinese is measured from a table; the emoji needs string-width, loaded for this report only.
    for (const [line, pad] of [['投资XX万元。', 4], ['😀投资XX万元。', 6], ['e\u0301投资XX万元。', 5]] as const) {
      const { stdout } = await cli(['a.txt'], tempDir({ 'a.txt': `XX镇2024年工作计划\n\n${line}\n` }));
      const frame = stdout.split('\n');
      const at = frame.findIndex((l) => l.includes(`│ ${line}`));
      expect(frame[at + 1]).toBe(`    │ ${' '.repeat(pad)}^^`);
    }
  });

  it('0 with warnings only, 1 once warnings exceed --max-warnings', async () => {
    const dir = tempDir({ 'a.txt': NO_PROBLEMS });
    expect((await cli(['a.txt'], dir)).code).toBe(0);
    expect((await cli(['a.txt', '--max-warnings', '1'], dir)).code).toBe(0);
    const over = await cli(['a.txt', '--max-warnings', '0'], dir);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('--max-warnings');
  });

  it('--quiet reports errors only', async () => {
    const dir = tempDir({ 'a.txt': NO_PROBLEMS, 'b.txt': PLACEHOLDER.replace('二、存在的问题\n项目储备不足。\n', '') });
    const r = await cli(['--quiet', '--format', 'json', 'a.txt', 'b.txt'], dir);
    const files = JSON.parse(r.stdout);
    expect(files.flatMap((f: { messages: Array<{ severity: string }> }) => f.messages.map((m) => m.severity))).toEqual(['error']);
  });

  it('2 for a usage error', async () => {
    const dir = tempDir({});
    expect((await cli(['--format', 'xml', 'a.txt'], dir)).code).toBe(2);
    expect((await cli(['--no-such-flag'], dir)).code).toBe(2);
    expect((await cli([], dir)).code).toBe(2);
  });

  it('2 for bad input, with one line per file, while the other files are still linted', async () => {
    const dir = tempDir({
      'good.txt': PLACEHOLDER,
      'empty.txt': '',
      'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]),
    });
    const r = await cli(['good.txt', 'empty.txt', 'image.txt', 'missing.txt', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('empty.txt'))).toMatch(/文件为空/);
    expect(lines.find((l) => l.includes('image.txt'))).toMatch(/二进制/);
    expect(lines.find((l) => l.includes('missing.txt'))).toMatch(/不存在/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const files = JSON.parse(r.stdout);
    expect(files.find((f: { filePath: string }) => f.filePath === 'good.txt').errorCount).toBe(1);
  });
});

describe('inputs', () => {
  it('walks directories for .txt and .md, skipping other files, in a stable order', async () => {
    const dir = tempDir({ 'b/2.md': PLACEHOLDER, 'a.txt': PLACEHOLDER, 'b/1.txt': CLEAN, 'b/notes.json': '{}' });
    const r = await cli(['.', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['a.txt', 'b/1.txt', 'b/2.md']);
  });

  it('expands globs', async () => {
    const dir = tempDir({ 'x/a.txt': PLACEHOLDER, 'x/b.txt': CLEAN, 'y/c.txt': CLEAN });
    const r = await cli(['x/*.txt', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['x/a.txt', 'x/b.txt']);
  });

  it('reads GB18030 and UTF-16 files with CRLF and reports the same columns', async () => {
    const crlf = PLACEHOLDER.replace(/\n/g, '\r\n');
    const bom16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(crlf, 'utf-16le')]);
    const dir = tempDir({ 'gbk.txt': iconv.encode(crlf, 'gb18030'), 'u16.txt': bom16 });
    const r = await cli(['gbk.txt', 'u16.txt', '--format', 'json'], dir);
    const files = JSON.parse(r.stdout);
    expect(files.map((f: { encoding: string }) => f.encoding)).toEqual(['gb18030', 'utf-16le']);
    for (const f of files) expect(f.messages.map((m: { line: number; column: number }) => [m.line, m.column])).toEqual([[3, 5]]);
  });

  it('--encoding overrides detection', async () => {
    const dir = tempDir({ 'a.txt': iconv.encode(PLACEHOLDER, 'gb18030') });
    const r = await cli(['a.txt', '--encoding', 'gb18030', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout)[0].errorCount).toBe(1);
  });

  it('does not report Markdown markup in .md files', async () => {
    const dir = tempDir({ 'a.md': '# 2024年工作计划\n\n* 抓好**重点**项目\n* 完成`XX`接口改造\n' });
    const r = await cli(['a.md'], dir);
    expect(r.code).toBe(0);
  });
});

describe('rules', () => {
  it('--list-rules and --explain', async () => {
    const dir = tempDir({});
    const list = await cli(['--list-rules'], dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^no-placeholder\s+错误/m);
    expect(list.stdout).toMatch(/^missing-problems-section\s+警告/m);
    const explain = await cli(['--explain', 'no-placeholder', '--locale', 'en'], dir);
    expect(explain.stdout).toContain('What it does');
    expect(explain.stdout).not.toContain('Supersedes');
    expect((await cli(['--explain', 'political-formulation'], dir)).stdout).toMatch(/^取代.*: no-placeholder$/m);
    expect((await cli(['--explain', 'no-such-rule'], dir)).code).toBe(2);
  });

  it('--rules adds user rules, which run like built-in ones', async () => {
    const rule = `id: no-jiezhi
type: pattern
severity: warning
message: { zh: "“截止”后接时间点应为“截至”", en: "Use 截至 before a point in time" }
docs:
  summary: { zh: 截止/截至误用, en: 截止 used for 截至 }
  what: 截止 后接时间点。
  why: 截止 表示到某时停止，截至 表示到某时为止。
  source: 现代汉语规范用法
examples:
  valid: [截至2024年底完成投资。]
  invalid: [截止2024年底完成投资。]
options:
  patterns:
    - regex: '截止(?=\\d{4}年|目前|今年)'
      replace: 截至
`;
    const dir = tempDir({ 'my-rules/no-jiezhi.yaml': rule, 'a.txt': '截止2024年底，全镇完成投资3亿元。\n' });
    const r = await cli(['--rules', 'my-rules', 'a.txt', '--format', 'json'], dir);
    const [file] = JSON.parse(r.stdout);
    // The built-in word-confusion reports the same 截止; the user rule's finding stands beside it.
    expect(file.messages.filter((m: { ruleId: string }) => m.ruleId === 'no-jiezhi')).toMatchObject([{ ruleId: 'no-jiezhi', severity: 'warning', column: 1, fix: { text: '截至' } }]);
  });

  it('refuses an invalid rule file with the file, the pointer and a plain message', async () => {
    const rule = `id: x
type: pattern
severity: fatal
message: { zh: 甲, en: a }
docs: { summary: { zh: 甲, en: a }, what: 甲, why: 甲, source: 甲 }
examples: { valid: [], invalid: [甲] }
options: { patterns: [{ regex: 甲 }] }
`;
    const dir = tempDir({ 'bad/x.yaml': rule, 'worse/y.yaml': 'id: Y\ntype: pattern\n' });
    const r = await cli(['--rules', 'bad', 'a.txt', '--locale', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('gongwen-lint: bad/x.yaml: /severity must be one of error, warning, info');
    expect((await cli(['--rules', 'bad', 'a.txt'], dir)).stderr.trim()).toBe('gongwen-lint: bad/x.yaml: /severity 必须是以下之一：error, warning, info');
    const worse = await cli(['--rules', 'worse', 'a.txt', '--locale', 'en'], dir);
    expect(worse.stderr).toContain('gongwen-lint: worse/y.yaml: /id must match pattern');
    expect(worse.stderr).toContain('gongwen-lint: worse/y.yaml: / must have the property "severity"');
  });

  it('refuses a duplicate rule id', async () => {
    const dup = `id: no-placeholder
type: pattern
severity: error
message: { zh: 重复, en: duplicate }
docs: { summary: { zh: 重复, en: dup }, what: 重复, why: 重复, source: 无 }
examples: { valid: [], invalid: [甲] }
options: { patterns: [{ regex: 甲 }] }
`;
    const dir = tempDir({ 'r/dup.yaml': dup, 'a.txt': CLEAN });
    const r = await cli(['--rules', 'r', 'a.txt', '--locale', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\/dup\.yaml: \/id duplicate rule id "no-placeholder"/);
  });

  it('refuses a rule with an invalid regular expression or condition', async () => {
    const base = (opts: string) => `id: bad-rule
type: pattern
severity: error
message: { zh: 坏, en: bad }
docs: { summary: { zh: 坏, en: bad }, what: 坏, why: 坏, source: 无 }
examples: { valid: [], invalid: [甲] }
options: ${opts}
`;
    const regex = await cli(['--rules', 'r', 'a.txt', '--locale', 'en'], tempDir({ 'r/x.yaml': base("{ patterns: [{ regex: '(甲' }] }"), 'a.txt': CLEAN }));
    expect(regex.stderr).toMatch(/r\/x\.yaml: \/options\/patterns\/0\/regex invalid regular expression/);
    const cond = await cli(['--rules', 'r', 'a.txt', '--locale', 'en'], tempDir({ 'r/x.yaml': base("{ patterns: [{ regex: '(?<n>\\d+)', where: 'evaluate(\"1\")' }] }"), 'a.txt': CLEAN }));
    expect(cond.stderr).toMatch(/r\/x\.yaml: \/options\/patterns\/0\/where function "evaluate" is not allowed/);
  });
});

describe('--print-model', () => {
  it('prints the facts and the section tree as JSON', async () => {
    const dir = tempDir({ 'a.txt': CLEAN });
    const r = await cli(['--print-model', 'a.txt'], dir);
    const m = JSON.parse(r.stdout);
    expect(m.facts).toMatchObject({ year: 2024, type: 'summary', period: { label: '上半年', months: [1, 6] } });
    expect(m.sections.map((s: { title: string }) => s.title)).toEqual(['主要成效', '存在的问题', '下半年打算']);
  });
});

describe('rule file syntax errors', () => {
  it('names the file, the line and the column of a YAML syntax error', async () => {
    const dir = tempDir({ 'r/x.yaml': 'id: x\nmessage: {zh: "未闭合\n', 'a.txt': '正文。\n' });
    const r = await cli(['--rules', 'r', 'a.txt', '--locale', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gongwen-lint: r\/x\.yaml: line \d+, column \d+: YAML syntax error: \S/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
