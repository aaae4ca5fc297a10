import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { RuleRegistry } from '../src/config/rule-set.js';
import { ConfigError } from '../src/config/types.js';
import { cli, tempDir } from './helpers/cli.js';

const SUMMARY_NO_PROBLEMS = '2024年上半年工作总结\n一、主要成效\n道路改造顺利完工。\n二、下半年打算\n继续推进项目。\n';
const UNTITLED = '一、主要成效\n道路改造顺利完工。\n二、下半年打算\n继续推进项目。\n';
const PLACEHOLDER = '2024年工作计划\n一、重点任务\n新建道路XX公里。\n';

async function configError(fn: () => unknown): Promise<ConfigError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no ConfigError thrown');
}

describe('configuration discovery', () => {
  it('uses the nearest file, merges parents, and stops at root: true', async () => {
    const root = tempDir({
      'gongwen-lint.config.json': JSON.stringify({ rules: { 'no-placeholder': 'warning', 'missing-problems-section': 'info' } }),
      'a/.gongwenlintrc.yaml': 'rules:\n  no-placeholder: "off"\n',
      'a/doc.txt': PLACEHOLDER,
      'b/.gongwenlintrc.yaml': 'root: true\nrules:\n  no-placeholder: info\n',
      'b/doc.txt': PLACEHOLDER,
      'c/doc.txt': PLACEHOLDER,
    });
    const resolver = new ConfigResolver(root);
    const a = (await resolver.resolve(path.join(root, 'a/doc.txt'))).config;
    expect(a.rules['no-placeholder'].level).toBe('off');
    expect(a.rules['missing-problems-section'].level).toBe('info');
    expect(a.files.map((f) => path.relative(root, f))).toEqual(['gongwen-lint.config.json', path.join('a', '.gongwenlintrc.yaml')]);
    const b = (await resolver.resolve(path.join(root, 'b/doc.txt'))).config;
    expect(b.rules['no-placeholder'].level).toBe('info');
    expect(b.rules['missing-problems-section']).toBeUndefined();
    expect((await resolver.resolve(path.join(root, 'c/doc.txt'))).config.rules['no-placeholder'].level).toBe('warning');
  });

  it('--config uses that file alone', async () => {
    const root = tempDir({
      'gongwen-lint.config.json': JSON.stringify({ rules: { 'no-placeholder': 'off' } }),
      'other.json': JSON.stringify({ rules: { 'no-placeholder': 'info' } }),
      'doc.txt': PLACEHOLDER,
    });
    const found = await cli(['doc.txt', '-f', 'json'], root);
    expect(JSON.parse(found.stdout)[0].messages).toEqual([]);
    const explicit = await cli(['doc.txt', '-f', 'json', '--config', 'other.json'], root);
    expect(JSON.parse(explicit.stdout)[0].messages.map((m: { severity: string }) => m.severity)).toEqual(['info']);
  });

  it('applies overrides by glob relative to the config file, later ones winning', async () => {
    const root = tempDir({
      'docs/gongwen-lint.config.json': JSON.stringify({
        rules: { 'no-placeholder': 'error' },
        overrides: [
          { files: 'drafts/**', rules: { 'no-placeholder': 'warning' } },
          { files: ['*.md'], excludedFiles: 'keep.md', rules: { 'no-placeholder': 'off' } },
        ],
      }),
    });
    const r = new ConfigResolver(root);
    const level = async (p: string) => (await r.resolve(path.join(root, p))).config.rules['no-placeholder']?.level;
    expect(await level('docs/a.txt')).toBe('error');
    expect(await level('docs/drafts/a.txt')).toBe('warning');
    expect(await level('docs/drafts/x/a.md')).toBe('off');
    expect(await level('docs/keep.md')).toBe('error');
    expect(await level('drafts/a.txt')).toBeUndefined();
  });

  it('ignores files matching ignores globs', async () => {
    const root = tempDir({
      '.gongwenlintrc.yaml': 'ignores: ["archive/**", "*.bak.txt"]\n',
      'archive/old.txt': PLACEHOLDER,
      'x/new.bak.txt': PLACEHOLDER,
      'now.txt': PLACEHOLDER,
    });
    const { stdout } = await cli(['.', '-f', 'json'], root);
    expect(JSON.parse(stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['now.txt']);
  });

  it('merges rule options into the rule (objects by key, arrays replaced) and compiles once per distinct options', async () => {
    const root = tempDir({
      '.gongwenlintrc.yaml': 'rules:\n  missing-problems-section:\n    options:\n      headings: ["^风险"]\n      leads: []\n',
      'sub/.gongwenlintrc.yaml': 'rules:\n  missing-problems-section: info\n',
    });
    const resolver = new ConfigResolver(root);
    const registry = new RuleRegistry(root);
    const a = await registry.prepare((await resolver.resolve(path.join(root, 'x.txt'))).config);
    const b = await registry.prepare((await resolver.resolve(path.join(root, 'sub/x.txt'))).config);
    const defA = a.rules.find((r) => r.definition.id === 'missing-problems-section')!;
    const defB = b.rules.find((r) => r.definition.id === 'missing-problems-section')!;
    expect(defA.definition.options).toMatchObject({ headings: ['^风险'], leads: [] });
    expect(defB.check).toBe(defA.check);
    expect(b.levels.get('missing-problems-section')).toBe('info');
  });

  it('extendOptions appends to the rule\'s lists, keeping its own entries', async () => {
    const root = tempDir({
      '.gongwenlintrc.yaml': 'rules:\n  no-placeholder:\n    extendOptions:\n      ignore: ["XX型号"]\n',
      'a.txt': '2024年工作计划\n采购XX型号设备，另见 https://example.org/xx/a.html 。\n新建道路XX公里。\n',
    });
    const { stdout } = await cli(['a.txt', '-f', 'json'], root);
    const placeholders = JSON.parse(stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'no-placeholder');
    expect(placeholders.map((m: { line: number; column: number }) => `${m.line}:${m.column}`)).toEqual(['3:5']);
    const printed = JSON.parse((await cli(['--print-config', 'a.txt'], root)).stdout);
    expect(printed.rules['no-placeholder'].options.ignore.slice(-1)).toEqual(['XX型号']);
    expect(printed.rules['no-placeholder'].options.ignore.length).toBeGreaterThan(1);
    const bad = tempDir({ '.gongwenlintrc.yaml': 'rules:\n  no-placeholder: {extendOptions: {ignore: ["("]}}\n', 'a.txt': 'x\n' });
    expect((await cli(['a.txt', '--locale', 'en'], bad)).stderr).toMatch(/\/rules\/no-placeholder\/extendOptions\/ignore\/\d+ invalid regular expression/);
  });

  it('extends presets: strict raises default levels, government-report sets the type', async () => {
    const root = tempDir({ '.gongwenlintrc.yaml': 'extends: [strict, government-report]\nrules:\n  no-placeholder: info\n' });
    const c = (await new ConfigResolver(root).resolve(path.join(root, 'a.txt'))).config;
    expect(c.levelMap).toEqual({ warning: 'error', info: 'warning' });
    expect(c.documentType).toBe('government-report');
    expect(c.rules['no-placeholder'].level).toBe('info');
  });

  it('documentType fills in when the title does not say; a title that says wins', async () => {
    const root = tempDir({ '.gongwenlintrc.yaml': 'documentType: summary\n', 'untitled.txt': UNTITLED, 'plan.txt': PLACEHOLDER });
    const { stdout } = await cli(['untitled.txt', 'plan.txt', '-f', 'json'], root);
    const ids = Object.fromEntries(JSON.parse(stdout).map((f: { filePath: string; messages: Array<{ ruleId: string }> }) => [f.filePath, f.messages.map((m) => m.ruleId)]));
    expect(ids['untitled.txt']).toContain('missing-problems-section');
    expect(ids['plan.txt']).not.toContain('missing-problems-section');
  });
});

describe('configuration validation messages', () => {
  it('names the key and what is allowed', async () => {
    expect((await configError(() => parseConfig('{"rulez": {}}', 'c.json'))).message).toBe(
      'c.json: / has an unknown key "rulez"; allowed: root, extends, rules, ruleDirs, ignores, documentType, year, levelMap, maxTime, reportUnusedDisable, overrides',
    );
    expect((await configError(() => parseConfig('rules:\n  no-placeholder: warn\n', '.gongwenlintrc.yaml'))).message).toBe(
      '.gongwenlintrc.yaml: /rules/no-placeholder must be "off", "info", "warning", "error" or an object with "level", "options" and/or "extendOptions"',
    );
    expect((await configError(() => parseConfig('extends: airbnb\n', 'y.yaml'))).message).toMatch(/^y\.yaml: \/extends .*"recommended", "strict", "government-report"/);
    expect((await configError(() => parseConfig('overrides:\n  - rules: {}\n', 'y.yaml'))).message).toBe('y.yaml: /overrides/0 must have the key "files"');
    expect((await configError(() => parseConfig('overrides:\n  - files: []\n', 'y.yaml'))).message).toBe('y.yaml: /overrides/0/files must be a glob or a non-empty list of globs');
    expect((await configError(() => parseConfig('- a\n', 'y.yaml'))).message).toBe('y.yaml: / must be an object');
    expect((await configError(() => parseConfig('documentType: report\n', 'y.yaml'))).message).toBe(
      'y.yaml: /documentType must be one of "summary", "government-report", "plan", "other"',
    );
    expect((await configError(() => parseConfig('rules: [\n', 'y.yaml'))).message).toMatch(/^y\.yaml: line 2, column 1: YAML syntax error/);
  });

  it('reports unknown rule ids with a suggestion, and bad options at the config key', async () => {
    const root = tempDir({ 'gongwen-lint.config.json': JSON.stringify({ rules: { 'no-placeholders': 'off' } }), 'a.txt': PLACEHOLDER });
    const r = await cli(['a.txt'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'gongwen-lint: 配置错误：gongwen-lint.config.json: /rules/no-placeholders 没有规则“no-placeholders”，是不是“no-placeholder”？gongwen-lint --list-rules 列出全部规则\n',
    );
    const bad = tempDir({
      '.gongwenlintrc.yaml': 'overrides:\n  - files: "*.txt"\n    rules:\n      missing-problems-section: {options: {headings: "存在问题"}}\n',
      'a.txt': PLACEHOLDER,
    });
    const b = await cli(['a.txt', '--locale', 'en'], bad);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe('gongwen-lint: configuration error: .gongwenlintrc.yaml: /overrides/0/rules/missing-problems-section/options/headings must be array\n');
    const regex = tempDir({ '.gongwenlintrc.yaml': 'rules:\n  missing-problems-section: {options: {headings: ["(unclosed"]}}\n', 'a.txt': PLACEHOLDER });
    expect((await cli(['a.txt', '--locale', 'en'], regex)).stderr).toMatch(/^gongwen-lint: configuration error: \.gongwenlintrc\.yaml: \/rules\/missing-problems-section\/options\/headings\/0 invalid regular expression/);
  });
});

describe('--print-config and --init', () => {
  it('prints the resolved configuration of a file', async () => {
    const root = tempDir({ '.gongwenlintrc.yaml': 'extends: strict\nyear: 2023\nrules:\n  missing-problems-section: {level: info, options: {leads: []}}\n' });
    const { code, stdout } = await cli(['--print-config', 'a.txt'], root);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.configFiles).toEqual(['.gongwenlintrc.yaml']);
    expect(out.year).toBe(2023);
    expect(out.rules['no-placeholder']).toBe('error');
    expect(out.rules['missing-problems-section'].level).toBe('info');
    expect(out.rules['missing-problems-section'].options.leads).toEqual([]);
    expect(out.rules['missing-problems-section'].options.topic.nouns.length).toBeGreaterThan(0);
  });

  it('writes a starter config that validates, and never overwrites', async () => {
    const root = tempDir({ 'a.txt': PLACEHOLDER });
    expect((await cli(['--init'], root)).code).toBe(0);
    expect((await cli(['--init'], root)).code).toBe(2);
    const lint = await cli(['a.txt', '-f', 'json'], root);
    expect(lint.stderr).toBe('');
    expect(JSON.parse(lint.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['no-placeholder']);
  });
});

describe('ruleDirs of a configuration', () => {
  const RULE = `id: team-word
type: pattern
severity: error
message: { zh: 不用“甲乙”, en: avoid "甲乙" }
docs: { summary: { zh: 甲乙, en: a }, what: 甲乙, why: 甲乙, source: 无 }
examples: { valid: [], invalid: [甲乙] }
options: { patterns: [{ regex: 甲乙 }] }
`;
  const DOC = '2024年工作计划\n一、重点任务\n推进甲乙工作。\n';
  const repoWith = (ruleDirs: (outside: string) => string) => {
    const root = tempDir({ 'outside/r.yaml': RULE, 'repo/rules/r.yaml': RULE.replace('team-word', 'inside-word'), 'repo/a.txt': DOC });
    const outside = path.join(root, 'outside');
    const repo = path.join(root, 'repo');
    fs.writeFileSync(path.join(repo, '.gongwenlintrc.yaml'), `ruleDirs: ${ruleDirs(outside)}\n`);
    return { repo, outside };
  };

  it('refuses a folder outside the configuration’s tree (relative, absolute, or a link leading out), naming the file and the key', async () => {
    for (const [dirs, pointer, shown] of [
      [() => '[rules, ../outside]', '/ruleDirs/1', '../outside'],
      [(outside: string) => `[${JSON.stringify(outside)}]`, '/ruleDirs/0', undefined],
      [() => '[linked]', '/ruleDirs/0', 'linked'],
    ] as const) {
      const { repo, outside } = repoWith(dirs);
      fs.symlinkSync(outside, path.join(repo, 'linked'));
      const r = await cli(['a.txt', '--locale', 'en'], repo);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `gongwen-lint: configuration error: .gongwenlintrc.yaml: ${pointer} rule directory "${shown ?? outside}" is outside the configuration's folder: a configuration may name only rule folders inside its own tree; pass --allow-outside-rules on the command line to allow it\n`,
      );
    }
  });

  it('loads them with --allow-outside-rules, and folders inside the tree always', async () => {
    const { repo } = repoWith(() => '[rules, ../outside]');
    const allowed = await cli(['a.txt', '-f', 'json', '--allow-outside-rules'], repo);
    expect(allowed.code).toBe(1);
    expect(JSON.parse(allowed.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(expect.arrayContaining(['inside-word', 'team-word']));
    const inside = repoWith(() => '[rules, ./rules/../rules]');
    const r = await cli(['a.txt', '-f', 'json'], inside.repo);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('inside-word');
  });

  it('the message is in Chinese by default', async () => {
    const { repo } = repoWith(() => '[../outside]');
    expect((await cli(['a.txt'], repo)).stderr).toMatch(/^gongwen-lint: 配置错误：\.gongwenlintrc\.yaml: \/ruleDirs\/0 规则目录“\.\.\/outside”在配置文件所在的目录之外.*--allow-outside-rules\n$/);
  });
});
