import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { makeDocx } from './helpers/docx.js';

// What a new user meets on a first run: each case here once misled or stopped one.
const CLEAN = '2024年上半年工作总结\n一、主要成效\n全镇经济平稳运行。\n二、存在的问题\n项目储备不足。\n';
const FIXABLE = '2024年上半年工作总结\n一、主要成效\n1-5月新建道路12公里。\n二、存在的问题\n项目储备不足。\n';

describe('a run with inputs that failed', () => {
  it('never prints the green pass line when nothing was checked', async () => {
    const r = await cli(['nonexist.txt'], tempDir({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nonexist.txt');
    expect(r.stdout).not.toContain('✔');
    expect(r.stdout).not.toContain('未发现问题');
    expect(r.stdout).toContain('✖ 没有检查任何文件');
    expect(r.stdout).toContain('1 个文件无法检查');
  });

  it('counts a missing path among the files that could not be checked, beside the clean ones', async () => {
    const r = await cli(['a.txt', 'nonexist.txt', '--locale', 'en'], tempDir({ 'a.txt': CLEAN }));
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('✔');
    expect(r.stdout).toContain('No problems found, 1 file checked');
    expect(r.stdout).toContain('1 file could not be checked');
  });
});

describe('--explain', () => {
  it('suggests the nearest rule id for a misspelt one', async () => {
    const r = await cli(['--explain', 'no-placehlder'], tempDir({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“no-placeholder”');
    const en = await cli(['--explain', 'rate-mismatc', '--locale', 'en'], tempDir({}));
    expect(en.stderr).toContain('did you mean "rate-mismatch"?');
  });

  it('suggests nothing for an id far from every rule', async () => {
    const r = await cli(['--explain', 'zzzzzzzzzzzz', '--locale', 'en'], tempDir({}));
    expect(r.stderr).toContain('no rule with id "zzzzzzzzzzzz"');
    expect(r.stderr).not.toContain('did you mean');
  });
});

describe('English summaries', () => {
  it('use the singular for one and the plural otherwise', async () => {
    const one = await cli(['a.txt', '--locale', 'en'], tempDir({ 'a.txt': CLEAN }));
    expect(one.stdout).toContain('1 file checked');
    expect(one.stdout).not.toMatch(/\b1 files\b/);
    const dir = tempDir({ 'a.txt': CLEAN.replace('全镇', '某镇'), 'b.txt': CLEAN.replace('全镇', 'XX镇') });
    const two = await cli(['a.txt', 'b.txt', '--locale', 'en'], dir);
    expect(two.stdout).toContain('2 problems (2 errors, 0 warnings, 0 info), 2 files checked');
    const single = await cli(['a.txt', '--locale', 'en'], dir);
    expect(single.stdout).toContain('1 problem (1 error, 0 warnings, 0 info), 1 file checked');
    expect(single.stdout).not.toContain('infos');
  });
});

describe('SARIF rule names', () => {
  it('are the PascalCase of the id, digits included', async () => {
    const r = await cli(['a.txt', '-f', 'sarif'], tempDir({ 'a.txt': CLEAN }));
    const names = new Map<string, string>(JSON.parse(r.stdout).runs[0].tool.driver.rules.map((rule: { id: string; name: string }) => [rule.id, rule.name]));
    expect(names.get('bounded-rate-over-100')).toBe('BoundedRateOver100');
    expect(names.get('completion-over-100')).toBe('CompletionOver100');
    for (const name of names.values()) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });
});

describe('Word documents', () => {
  it('do not promise --fix, which refuses them', async () => {
    const dir = tempDir({ 'a.docx': await makeDocx(FIXABLE.trimEnd().split('\n')), 'a.txt': FIXABLE });
    const docx = await cli(['a.docx'], dir);
    expect(docx.stdout).toContain('range-dash');
    expect(docx.stdout).not.toContain('--fix');
    expect(docx.stdout).not.toContain('✓');
    // The same text as plain text is fixable, and says so.
    expect((await cli(['a.txt'], dir)).stdout).toContain('可用 --fix 自动修复');
  });

  it('on standard input are recognised by their content, without --stdin-filename', async () => {
    const doc = await makeDocx(['2024年工作计划', '新建道路XX公里。']);
    const r = await cli(['-', '-f', 'json'], tempDir({}), doc);
    expect(r.stderr).toBe('');
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe('<stdin>');
    expect(result.messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['no-placeholder@2']);
  });
});

describe('usage and configuration errors', () => {
  it('follow --locale: Chinese by default, English when asked, whatever the order of the options', async () => {
    const dir = tempDir({ 'a.txt': CLEAN });
    const zh = await cli(['a.txt', '--format', 'xml'], dir);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--format 只能是 stylish');
    const en = await cli(['--format', 'xml', 'a.txt', '--locale=en'], dir);
    expect(en.stderr).toContain('--format must be one of stylish');
    expect((await cli(['-', 'a.txt'], dir)).stderr).toContain('“-”（标准输入）不能与文件或目录一起使用');
    expect((await cli(['--bogus', 'a.txt'], dir)).stderr).toContain('未知选项 --bogus');
  });

  it('say in the chosen language what is wrong in a configuration file, with the nearest rule id', async () => {
    const dir = tempDir({ 'a.txt': CLEAN, '.gongwenlintrc.yaml': 'root: true\nrules:\n  no-placehlder: off\n' });
    const zh = await cli(['a.txt'], dir);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('配置错误：');
    expect(zh.stderr).toContain('没有规则“no-placehlder”，是不是“no-placeholder”？');
    const en = await cli(['a.txt', '--locale', 'en'], dir);
    expect(en.stderr).toContain('unknown rule "no-placehlder" (did you mean "no-placeholder"?)');
    const badLevel = tempDir({ 'a.txt': CLEAN, '.gongwenlintrc.yaml': 'root: true\nrules:\n  no-placeholder: loud\n' });
    expect((await cli(['a.txt'], badLevel)).stderr).toContain('/rules/no-placeholder 必须是 "off"、"info"、"warning"、"error"');
    const badKey = tempDir({ 'a.txt': CLEAN, '.gongwenlintrc.yaml': 'root: true\nrulez: {}\n' });
    expect((await cli(['a.txt'], badKey)).stderr).toContain('有未知的键“rulez”；可用的键：');
  });
});
