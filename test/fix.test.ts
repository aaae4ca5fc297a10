import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/input/decode.js';
import { applyEdits, fixText, minimalEdits, planFixes } from '../src/fix/index.js';
import type { Finding } from '../src/types.js';
import { cli, tempDir } from './helpers/cli.js';
import { builtinRules } from './helpers/lint.js';

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'fixable-summary.txt'), 'utf8');

function finding(start: number, end: number, text: string, ruleId = 'r'): Finding {
  return { ruleId, level: 'warning', message: '', start, end, fix: { start, end, text } };
}

describe('planning fixes', () => {
  it('splits a same-length fix into the characters it changes', () => {
    expect(minimalEdits('今年,全镇;增长', { start: 0, end: 8, text: '今年，全镇；增长' })).toEqual([
      { start: 2, end: 3, text: '，' },
      { start: 5, end: 6, text: '；' },
    ]);
  });

  it('trims a fix of another length to the part that changes', () => {
    expect(minimalEdits('超10亿元以上项目', { start: 5, end: 7, text: '' })).toEqual([{ start: 5, end: 7, text: '' }]);
    expect(minimalEdits('18余万元', { start: 0, end: 4, text: '18万余' })).toEqual([{ start: 2, end: 4, text: '万余' }]);
  });

  it('applies a paragraph-wide fix and a fix inside it when their edits do not touch', () => {
    const text = '一,二-三,四';
    const plan = planFixes(text, [finding(0, 7, '一，二-三，四', 'width'), finding(3, 4, '—', 'dash')]);
    expect(plan.skipped).toEqual([]);
    expect(applyEdits(text, plan.edits)).toBe('一，二—三，四');
  });

  it('leaves out a fix that overlaps one already chosen, and counts one edit proposed twice once', () => {
    const text = 'abcdef';
    const plan = planFixes(text, [finding(1, 3, 'X'), finding(2, 4, 'Y'), finding(1, 3, 'X', 'other')]);
    expect(plan.applied.length).toBe(2);
    expect(plan.skipped.map((f) => f.fix!.text)).toEqual(['Y']);
    expect(applyEdits(text, plan.edits)).toBe('aXdef');
  });
});

describe('fix round trip', () => {
  it('fixes in one pass what the rules can fix; a second lint finds nothing fixable', async () => {
    const rules = await builtinRules();
    const { output, plan, result } = await fixText(FIXTURE, 'text', { rules });
    expect(plan.applied.length).toBeGreaterThan(8);
    expect(result.findings.filter((f) => f.fix)).toEqual([]);
    expect(output).toContain('今年以来，在县委');
    expect(output).toContain('1—5月');
    expect(output).toContain('20%～30%');
    expect(output).toContain('18万余元。');
    expect(output).toContain('一、主要工作');
    expect(output).toContain('（一）抓项目建设');
    expect(output).toContain('超10亿元项目');
    expect(output).toContain('桥梁等基础设施，全面');
    expect(output).toContain('近300人就业（含脱贫户）。');
    expect(output).toContain('30～50人');
    expect(output).toContain('1.项目储备不足');
    // Running again changes nothing.
    expect((await fixText(output, 'text', { rules })).output).toBe(output);
  });

  it('changes no character outside the planned edits', async () => {
    const rules = await builtinRules();
    const { output, plan } = await fixText(FIXTURE, 'text', { rules });
    let i = 0;
    let o = 0;
    for (const e of plan.edits) {
      expect(output.slice(o, o + (e.start - i))).toBe(FIXTURE.slice(i, e.start));
      o += e.start - i + e.text.length;
      i = e.end;
    }
    expect(output.slice(o)).toBe(FIXTURE.slice(i));
  });
});

describe('--fix and --fix-dry-run', () => {
  const crlf = FIXTURE.replace(/\n/g, '\r\n');

  it('writes GB18030 back as GB18030 and keeps CRLF line ends; a second run is a no-op', async () => {
    const dir = tempDir({ 'a.txt': iconv.encode(crlf, 'gb18030') });
    const file = path.join(dir, 'a.txt');
    const r = await cli(['--fix', 'a.txt'], dir);
    expect(r.stderr).toBe('');
    const bytes = fs.readFileSync(file);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.eol).toBe('\r\n');
    expect(decoded.bom).toBe(false);
    expect(decoded.text).toContain('今年以来，在县委');
    expect(r.stdout).toMatch(/已自动修复 \d+ 个问题/);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
    await cli(['--fix', 'a.txt'], dir);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('keeps a UTF-8 BOM', async () => {
    const dir = tempDir({ 'a.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]) });
    await cli(['--fix', 'a.txt'], dir);
    const bytes = fs.readFileSync(path.join(dir, 'a.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes).eol).toBe('\r\n');
  });

  it('refuses to write a file that does not re-encode to its own bytes, and says so in one line', async () => {
    // A stray byte that GB18030 cannot decode: writing the text back would turn it into something else.
    const bytes = Buffer.concat([iconv.encode(FIXTURE, 'gb18030'), Buffer.from([0xff]), iconv.encode('\n', 'gb18030')]);
    const dir = tempDir({ 'a.txt': bytes });
    const r = await cli(['--fix', 'a.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('a.txt');
    expect(r.stderr).toContain('未写回修复');
    expect(fs.readFileSync(path.join(dir, 'a.txt')).equals(bytes)).toBe(true);
  });

  it('--fix-dry-run prints a unified diff and leaves the file alone', async () => {
    const dir = tempDir({ 'a.txt': FIXTURE });
    const r = await cli(['--fix-dry-run', 'a.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- a/a.txt');
    expect(r.stdout).toContain('+++ b/a.txt');
    expect(r.stdout).toContain('-今年以来,在县委');
    expect(r.stdout).toContain('+今年以来，在县委');
    expect(r.stderr).toMatch(/--fix 将修复 1 个文件中的 \d+ 个问题/);
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXTURE);
  });

  it('stylish output marks fixable findings and says how many --fix would fix', async () => {
    const dir = tempDir({ 'a.txt': FIXTURE });
    const r = await cli(['a.txt'], dir);
    expect(r.stdout).toContain('✓');
    expect(r.stdout).toMatch(/其中 \d+ 个可用 --fix 自动修复/);
  });
});
