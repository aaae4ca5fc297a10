import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

// Every error about a configuration file, a rule file or the command line is said in the chosen
// language, the parser's and the schema validator's words included: Chinese by default.
const TEXT = '2024年工作计划\n新建道路12公里。\n';
const RULE_HEAD = ['id: house-term', 'type: pattern', 'message: { zh: 用“乡镇”, en: Write 乡镇 }'];

async function both(args: string[], files: Record<string, string>): Promise<{ zh: string; en: string }> {
  const dir = tempDir({ 'a.txt': TEXT, ...files });
  const zh = await cli(args, dir);
  const en = await cli([...args, '--locale', 'en'], dir);
  expect(zh.code).toBe(2);
  expect(en.code).toBe(2);
  return { zh: zh.stderr, en: en.stderr };
}

describe('errors follow --locale', () => {
  it('a YAML syntax error in a configuration: where, and what is wrong', async () => {
    const { zh, en } = await both(['a.txt'], { '.gongwenlintrc.yaml': 'root: true\nrules:\n\tno-placeholder: off\n' });
    expect(zh).toContain('配置错误：.gongwenlintrc.yaml: 第 3 行第 1 列：YAML 语法错误：不能用制表符缩进，请改用空格');
    expect(en).toContain('configuration error: .gongwenlintrc.yaml: line 3, column 1: YAML syntax error: Tabs are not allowed as indentation');
    expect(zh).not.toMatch(/[A-Za-z]{4,} (?:are|is|must)\b/);
  });

  it('a JSON syntax error in a configuration, at its line and column', async () => {
    const { zh, en } = await both(['a.txt'], { 'gongwen-lint.config.json': '{\n  "root": true,\n  "rules": { "no-placeholder": "off", }\n}\n' });
    expect(zh).toContain('gongwen-lint.config.json: 第 3 行第 39 列：JSON 语法错误：此处应是带双引号的键名（多了一个逗号？）');
    expect(en).toMatch(/gongwen-lint\.config\.json: line 3, column 39: JSON syntax error: Expected double-quoted property name/);
  });

  it('a configuration value of the wrong type', async () => {
    const { zh, en } = await both(['a.txt'], { '.gongwenlintrc.yaml': 'root: true\nignores: 草稿\n' });
    expect(zh).toContain('/ignores 必须是列表');
    expect(en).toContain('/ignores must be a list');
  });

  it('a rule file the schema refuses: missing properties, a value of the wrong type', async () => {
    const missing = await both(['--rules', 'r', 'a.txt'], { 'r/house.yaml': [...RULE_HEAD, 'severity: warning', ''].join('\n') });
    expect(missing.zh).toContain('r/house.yaml: / 缺少属性“options”');
    expect(missing.en).toContain('r/house.yaml: / must have the property "options"');
    const typed = await both(['--rules', 'r', 'a.txt'], {
      'r/house.yaml': [...RULE_HEAD, 'severity: warning', 'docs: { summary: { zh: 用语, en: Term }, what: { zh: 镇乡 }, why: { zh: 统一 }, source: { zh: 规定 } }', 'examples: { valid: [乡镇], invalid: [镇乡] }', 'options: { patterns: 镇乡 }', ''].join('\n'),
    });
    // The validator's own words, from ajv-i18n in Chinese.
    expect(typed.zh).toMatch(/r\/house\.yaml: \/options\/patterns 应当是 array 类型/);
    expect(typed.en).toContain('r/house.yaml: /options/patterns must be array');
  });

  it('a rule file that is not YAML, and one with an invalid regular expression', async () => {
    const yaml = await both(['--rules', 'r', 'a.txt'], { 'r/house.yaml': 'id: house-term\nmessage: "乡镇\n' });
    expect(yaml.zh).toMatch(/r\/house\.yaml: 第 \d+ 行第 \d+ 列：YAML 语法错误：缺少字符/);
    expect(yaml.en).toMatch(/r\/house\.yaml: line \d+, column \d+: YAML syntax error: Missing closing "quote/);
    const regex = await both(['--rules', 'r', 'a.txt'], {
      'r/house.yaml': [...RULE_HEAD, 'severity: warning', 'docs: { summary: { zh: 用语, en: Term }, what: { zh: 镇乡 }, why: { zh: 统一 }, source: { zh: 规定 } }', 'examples: { valid: [乡镇], invalid: [镇乡] }', "options: { patterns: [{ regex: '镇(乡' }] }", ''].join('\n'),
    });
    expect(regex.zh).toContain('r/house.yaml: /options/patterns/0/regex 正则表达式无效：');
    expect(regex.en).toContain('r/house.yaml: /options/patterns/0/regex invalid regular expression: ');
  });

  it('the command line: an unknown option, a missing value, a bad --shard or --concurrency', async () => {
    const unknown = await both(['--bogus', 'a.txt'], {});
    expect(unknown.zh).toContain('未知选项 --bogus');
    expect(unknown.en).toContain('unknown option --bogus');
    expect(unknown.en).not.toContain('did you mean');
    const misspelt = await both(['--formt', 'json', 'a.txt'], {});
    expect(misspelt.zh).toContain('未知选项 --formt，是否想用 --format？');
    expect(misspelt.en).toContain('unknown option --formt (did you mean --format?)');
    const missing = await both(['a.txt', '--output'], {});
    expect(missing.zh).toMatch(/选项 (?:-o, )?--output 需要一个值/);
    expect(missing.en).toMatch(/option (?:-o, )?--output needs a value/);
    const shard = await both(['--shard', '3/2', 'a.txt'], {});
    expect(shard.zh).toContain('--shard 须写作 k/n');
    expect(shard.en).toContain('--shard must be k/n with 1 ≤ k ≤ n');
    const concurrency = await both(['--concurrency', '0', 'a.txt'], {});
    expect(concurrency.zh).toContain('--concurrency 只能是 auto、off 或不小于 1 的整数（给出的是“0”）');
    expect(concurrency.en).toContain('--concurrency must be auto, off or a whole number ≥ 1 (got "0")');
  });
});
