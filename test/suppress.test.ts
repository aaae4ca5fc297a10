import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

interface Message {
  ruleId: string;
  severity: string;
  line: number;
  message: string;
}
interface FileReport {
  filePath: string;
  messages: Message[];
  suppressedMessages?: Array<{ ruleId: string; offset: number; suppressions: Array<{ justification?: string }> }>;
}

async function lint(name: string, text: string, extra: string[] = []): Promise<FileReport> {
  const root = tempDir({ [name]: text });
  const { stdout, stderr } = await cli([name, '-f', 'json', ...extra], root);
  expect(stderr).toBe('');
  return JSON.parse(stdout)[0] as FileReport;
}

const lines = (r: FileReport, rule = 'no-placeholder') => r.messages.filter((m) => m.ruleId === rule).map((m) => m.line);

describe('Markdown directives', () => {
  it('disable-next-line names rules and applies to the next line with text', async () => {
    const r = await lint('a.md', '# 2024年工作计划\n\n<!-- gongwen-lint-disable-next-line no-placeholder -- 待财政局核实 -->\n投资XX万元。\n\n新建XX公里。\n');
    expect(lines(r)).toEqual([6]);
    expect(r.suppressedMessages).toHaveLength(1);
    expect(r.suppressedMessages![0].suppressions[0].justification).toBe('待财政局核实');
  });

  it('disable … enable covers a region; a directive for another rule does not suppress', async () => {
    const r = await lint(
      'a.md',
      '# 2024年工作计划\n\n<!-- gongwen-lint-disable missing-problems-section -->\n\n投资XX万元。\n\n<!-- gongwen-lint-disable -->\n\n新建XX公里。\n\n<!-- gongwen-lint-enable -->\n\n改造XX座。\n',
    );
    expect(lines(r)).toEqual([5, 13]);
  });

  it('disable-line suppresses on the comment\'s own line', async () => {
    const r = await lint('a.md', '# 2024年工作计划\n\n投资XX万元。<!-- gongwen-lint-disable-line no-placeholder -->\n\n新建XX公里。\n');
    expect(lines(r)).toEqual([5]);
  });
});

describe('plain-text markers', () => {
  it('【gongwen-lint-disable-next-line】 suppresses the next paragraph and is not checked text', async () => {
    // The marker opens the file: it must not become the title, nor break the heading numbering.
    const text = '【gongwen-lint-disable-next-line no-placeholder】\nXX镇2024年工作计划\n\n一、重点任务\n新建道路XX公里。\n';
    const r = await lint('a.txt', text);
    expect(lines(r)).toEqual([5]);
    const root = tempDir({ 'a.txt': text });
    const model = JSON.parse((await cli(['--print-model', 'a.txt'], root)).stdout);
    expect(model.facts.title.text).toBe('XX镇2024年工作计划');
    expect(model.paragraphs[0].line).toBe(2);
  });

  it('half-width brackets, several rules, and disable/enable blocks', async () => {
    const r = await lint(
      'a.txt',
      '[gongwen-lint-disable no-placeholder, missing-problems-section]\n2024年上半年工作总结\n投资XX万元。\n【gongwen-lint-enable no-placeholder】\n新建XX公里。\n',
    );
    expect(r.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['no-placeholder:5']);
    expect(r.suppressedMessages!.map((m) => m.ruleId)).toEqual(['missing-problems-section', 'no-placeholder']);
  });

  it('works in files with Windows line endings', async () => {
    const r = await lint('a.txt', '2024年工作计划\r\n【gongwen-lint-disable-next-line no-placeholder】\r\n投资XX万元。\r\n新建XX公里。\r\n');
    expect(lines(r)).toEqual([4]);
  });

  it('a marker inside a sentence is ordinary text', async () => {
    const r = await lint('a.txt', '2024年工作计划\n说明：【gongwen-lint-disable】投资XX万元。\n');
    expect(lines(r)).toEqual([2]);
  });
});

describe('--fix and suppressions', () => {
  it('leaves a suppressed finding as written and fixes the rest', async () => {
    const text = '2024年工作计划\n【gongwen-lint-disable-next-line duplicate-punctuation】\n道路建设顺利完成。。\n桥梁改造按期推进。。\n';
    const root = tempDir({ 'a.txt': text });
    const r = await cli(['--fix', 'a.txt', '-f', 'json'], root);
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe(text.replace('按期推进。。', '按期推进。'));
    expect(JSON.parse(r.stdout)[0].suppressedMessages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['duplicate-punctuation']);
  });
});

describe('--report-unused-disable', () => {
  it('reports directives (and named rules) that suppress nothing', async () => {
    const text = '2024年工作计划\n【gongwen-lint-disable-next-line no-placeholder, missing-problems-section】\n投资XX万元。\n【gongwen-lint-disable-next-line】\n建设顺利。\n';
    const quiet = await lint('a.txt', text);
    expect(quiet.messages).toEqual([]);
    const configured = tempDir({ 'a.txt': text, '.gongwenlintrc.yaml': 'reportUnusedDisable: error\n' });
    const fromConfig = JSON.parse((await cli(['a.txt', '-f', 'json'], configured)).stdout)[0] as FileReport;
    expect(fromConfig.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['unused-disable-directive:error', 'unused-disable-directive:error']);
    const r = await lint('a.txt', text, ['--report-unused-disable', '--locale', 'en']);
    expect(r.messages.map((m) => `${m.ruleId}:${m.line}:${m.message}`)).toEqual([
      'unused-disable-directive:2:Unused suppression directive (no problems from missing-problems-section); remove it',
      'unused-disable-directive:4:Unused suppression directive (no problems reported here); remove it',
    ]);
  });
});

const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
const validateSarif = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

describe('SARIF suppressions', () => {
  const text = '2024年工作计划\n【gongwen-lint-disable-next-line no-placeholder —— 数据待统计局发布】\n投资XX万元。\n新建XX公里。\n';

  it('leaves suppressed results out by default (the GitHub upload path)', async () => {
    const root = tempDir({ 'a.txt': text });
    const run = JSON.parse((await cli(['a.txt', '-f', 'sarif'], root)).stdout).runs[0];
    expect(run.results).toHaveLength(1);
    expect(run.results[0].suppressions).toBeUndefined();
  });

  it('--include-suppressed gives every result of the run a suppressions array', async () => {
    const root = tempDir({ 'a.txt': text, 'b.txt': '2025年工作计划\n改造XX座。\n' });
    const log = JSON.parse((await cli(['a.txt', 'b.txt', '-f', 'sarif', '--include-suppressed', '--shard', '1/1'], root)).stdout);
    validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    const run = log.runs[0];
    expect(run.results).toHaveLength(3);
    expect(run.results.every((r: { suppressions?: unknown[] }) => Array.isArray(r.suppressions))).toBe(true);
    const suppressed = run.results.filter((r: { suppressions: unknown[] }) => r.suppressions.length);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', justification: '数据待统计局发布' }]);
    expect(suppressed[0].locations[0].physicalLocation.region.startLine).toBe(3);
  });
});
