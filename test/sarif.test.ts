import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/input/decode.js';
import { lintText } from '../src/engine/lint.js';
import { loadRules } from '../src/rules/load-files.js';
import { cli, tempDir } from './helpers/cli.js';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS; require gives the class itself.
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

const DRAFT = '某镇2024年上半年工作总结\r\n一、主要成效\r\n投资𠀀XX亿元，增长*%。\r\n二、下半年打算\r\n继续努力。\r\n';

async function sarifFor(files: Record<string, string | Uint8Array>, args: string[] = []) {
  const dir = tempDir(files);
  const r = await cli([...Object.keys(files), '--format', 'sarif', ...args], dir);
  return { ...r, log: JSON.parse(r.stdout), dir };
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, including tool notifications for unreadable files', async () => {
    const { log, code } = await sarifFor({ 'draft.txt': DRAFT, '空文件.txt': '' });
    expect(code).toBe(2);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/空文件\.txt: 文件为空/);
  });

  it('never carries a negative span: a UTF-8 BOM, then U+FEFF, an indented first line and CRLF (fuzzing found missing-title [7,6), charLength -1)', async () => {
    // In Markdown the indented line is code, and the first paragraph starts on the \n of its CRLF, past the line's end.
    const text = '\ufeff    X\r\n今年以来道路改造全面完工，群众出行更加便利。\r\n\r\n继续推进项目建设。\r\n\r\n资金仍然不足。\r\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const { log } = await sarifFor({ 'draft.md': bytes });
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: Record<string, number> } }> }>;
    const title = results.find((r) => r.ruleId === 'missing-title')!;
    expect(title.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 1, endLine: 2 });
    for (const r of results) {
      const { startLine, startColumn, endLine, endColumn, charOffset, charLength } = r.locations[0].physicalLocation.region;
      expect(charLength, r.ruleId).toBeGreaterThanOrEqual(0);
      expect(charOffset).toBeGreaterThanOrEqual(0);
      expect(endLine > startLine || (endLine === startLine && endColumn >= startColumn), r.ruleId).toBe(true);
    }
    const rules = await loadRules();
    const { findings } = await lintText(decode(bytes).text, 'markdown', { rules });
    expect(findings.map((f) => f.ruleId)).toContain('missing-title');
    for (const f of findings) expect(f.end, f.ruleId).toBeGreaterThanOrEqual(f.start);
  });

  it('describes the tool and every rule, and points results at them by index', async () => {
    const { log } = await sarifFor({ 'draft.txt': DRAFT });
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'gongwen-lint', informationUri: expect.stringMatching(/^https:/) });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('no-placeholder');
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.markdown).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('locates results with 1-based lines, UTF-16 columns and an exclusive end column', async () => {
    const { log } = await sarifFor({ 'draft.txt': DRAFT });
    const xx = log.runs[0].results.find((r: { locations: Array<{ physicalLocation: { region: { snippet: { text: string } } } }> }) =>
      r.locations[0].physicalLocation.region.snippet.text === 'XX');
    const loc = xx.locations[0].physicalLocation;
    // 投资 + a character outside the BMP (two code units) precede XX on line 3.
    expect(loc.region).toMatchObject({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 7 });
    expect(loc.artifactLocation).toMatchObject({ uri: 'draft.txt', uriBaseId: 'SRCROOT', index: 0 });
    expect(xx.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(xx.level).toBe('error');
  });

  it('percent-encodes artifact URIs relative to the working directory', async () => {
    const { log } = await sarifFor({ '报告/初稿 1.txt': DRAFT });
    expect(log.runs[0].artifacts[0].location.uri).toBe(`${encodeURIComponent('报告')}/${encodeURIComponent('初稿 1.txt')}`);
    expect(log.runs[0].originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/\/.*\/$/);
  });

  it('gives identical findings on identical lines distinct fingerprints', async () => {
    const { log } = await sarifFor({ 'a.txt': '某镇工作总结\n某镇工作总结\n' });
    const prints = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'no-placeholder').map((r: { partialFingerprints: { primaryLocationLineHash: string } }) => r.partialFingerprints.primaryLocationLineHash);
    expect(prints).toHaveLength(2);
    expect(prints[0].split(':')[0]).toBe(prints[1].split(':')[0]);
    expect(new Set(prints).size).toBe(2);
  });

  it('hashes each rule of a line apart, and numbers a rule\'s repeats on one line', async () => {
    // Two placeholders and a half-width comma on one line, another line, then the first again.
    const line = '投资*亿元,新建*公里';
    const { log } = await sarifFor({ 'a.txt': `2024年工作计划\n${line}\n完成*项工作。\n${line}\n` });
    const prints = (rule: string, startLine: number) =>
      log.runs[0].results
        .filter((r: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => r.ruleId === rule && r.locations[0].physicalLocation.region.startLine === startLine)
        .map((r: { partialFingerprints: { primaryLocationLineHash: string } }) => r.partialFingerprints.primaryLocationLineHash);
    const [first, second] = prints('no-placeholder', 2);
    expect(first.split(':')).toEqual([second.split(':')[0], '1']);
    expect(second.endsWith(':2')).toBe(true);
    const [width] = prints('punctuation-width', 2);
    expect(width.split(':')[0]).not.toBe(first.split(':')[0]);
    expect(prints('no-placeholder', 3)[0]).toMatch(/:1$/);
    expect(prints('no-placeholder', 3)[0].split(':')[0]).not.toBe(first.split(':')[0]);
    // The same text and rule on another line: the same hash, counted on from the first line's.
    expect(prints('no-placeholder', 4)).toEqual([`${first.split(':')[0]}:3`, `${first.split(':')[0]}:4`]);
  });
});

// The project's evaluation corpus sits beside the repository in CI, not in a user's clone.
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const officialSchema = path.resolve(import.meta.dirname, '../../shared/schemas/sarif-schema-2.1.0.json');

describe.runIf(fs.existsSync(corpus))('SARIF for the whole corpus', () => {
  it('validates against the packaged schema and the OASIS errata01 schema', async () => {
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpus, f));
    const r = await cli([...files, '--format', 'sarif'], path.resolve(import.meta.dirname, '..'));
    const log = JSON.parse(r.stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    if (fs.existsSync(officialSchema)) {
      const official = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(officialSchema, 'utf8')));
      expect(official(log), JSON.stringify(official.errors?.slice(0, 3))).toBe(true);
    }
  });
});
