import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../src/lsp/actions.js';
import { encodingNotice, MAX_DIAGNOSTICS, toLinted } from '../../src/lsp/diagnostics.js';
import { ruleDocsMarkdown } from '../../src/lsp/hover.js';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/lsp/settings.js';
import { suppressionEdit } from '../../src/lsp/suppress.js';
import type { Finding } from '../../src/types.js';

describe('settings', () => {
  test('valid values apply, invalid and unknown ones are reported and ignored', () => {
    const warnings: string[] = [];
    const s = mergeSettings(DEFAULT_SETTINGS, { locale: 'en', ruleLevels: { 'no-placeholder': 'warning' }, debounceMs: -5, rules: 'rules/', colour: true, server: { path: '' } }, (m) => warnings.push(m));
    expect(s).toEqual({ ...DEFAULT_SETTINGS, locale: 'en', ruleLevels: { 'no-placeholder': 'warning' } });
    expect(warnings).toEqual(['debounceMs must be a number ≥ 0; ignored', 'rules must be a list of rule directories; ignored', 'unknown setting "colour"; ignored']);
    expect(mergeSettings(DEFAULT_SETTINGS, { ruleLevels: { x: 'loud' } }, () => {})).toEqual(DEFAULT_SETTINGS);
  });

  test('maxCharacters is a whole number above 0', () => {
    const warnings: string[] = [];
    expect(mergeSettings(DEFAULT_SETTINGS, { maxCharacters: 5000 }, (m) => warnings.push(m)).maxCharacters).toBe(5000);
    expect(mergeSettings(DEFAULT_SETTINGS, { maxCharacters: 0 }, (m) => warnings.push(m)).maxCharacters).toBe(DEFAULT_SETTINGS.maxCharacters);
    expect(mergeSettings(DEFAULT_SETTINGS, { maxCharacters: 1.5 }, (m) => warnings.push(m)).maxCharacters).toBe(DEFAULT_SETTINGS.maxCharacters);
    expect(warnings).toEqual(['maxCharacters must be a whole number > 0; ignored', 'maxCharacters must be a whole number > 0; ignored']);
  });
});

describe('a document with a great many findings', () => {
  test(`shows the first ${MAX_DIAGNOSTICS} and one notice with the count of the rest; fix all still has them all`, () => {
    const text = 'XX\n'.repeat(MAX_DIAGNOSTICS + 500);
    const doc = TextDocument.create('file:///many.txt', 'plaintext', 3, text);
    const findings: Finding[] = Array.from({ length: MAX_DIAGNOSTICS + 500 }, (_, i) => ({
      ruleId: 'no-placeholder', level: 'error', message: '占位符', start: i * 3, end: i * 3 + 2, line: i + 1, column: 1, endLine: i + 1, endColumn: 3,
      fix: { start: i * 3, end: i * 3 + 2, text: '' },
    }) as unknown as Finding);
    const linted = toLinted({ type: 'ok', findings, failures: [], rules: {}, notes: [], ms: 1, id: 1 }, doc, 'en');
    expect(linted.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(linted.diagnostics.at(-1)).toMatchObject({ code: 'more-findings', message: `500 more problems not shown (at most ${MAX_DIAGNOSTICS} per file); the gongwen-lint command line lists them all` });
    expect(linted.diagnostics[MAX_DIAGNOSTICS - 1].range.start.line).toBe(MAX_DIAGNOSTICS - 1);
    expect(linted.fixable).toHaveLength(MAX_DIAGNOSTICS + 500);
  });
});

describe('disable this rule on this line', () => {
  const at = (text: string, line: number, rule: string, format: 'text' | 'markdown') => {
    const doc = TextDocument.create('file:///a', format === 'markdown' ? 'markdown' : 'plaintext', 1, text);
    return TextDocument.applyEdits(doc, [suppressionEdit(doc, format, rule, 'disable-next-line', line)]);
  };

  test('inserts a marker line with the document’s line ending', () => {
    expect(at('标题\r\n道路,桥梁\r\n', 1, 'r1', 'text')).toBe('标题\r\n【gongwen-lint-disable-next-line r1】\r\n道路,桥梁\r\n');
    expect(at('道路,桥梁', 0, 'r1', 'text')).toBe('【gongwen-lint-disable-next-line r1】\n道路,桥梁');
  });

  test('adds the rule to a marker already above the line instead of stacking a second one', () => {
    expect(at('【gongwen-lint-disable-next-line r1】\n道路,桥梁XX\n', 1, 'r2', 'text')).toBe('【gongwen-lint-disable-next-line r1, r2】\n道路,桥梁XX\n');
    expect(at('  <!-- gongwen-lint-disable-next-line r1 -->\n  - 道路,桥梁\n', 1, 'r1', 'markdown')).toBe('  <!-- gongwen-lint-disable-next-line r1 -->\n  - 道路,桥梁\n');
  });

  test('keeps the justification and the brackets the writer typed', () => {
    expect(at('<!-- gongwen-lint-disable-next-line r1 -- 原文如此 -->\n道路,桥梁\n', 1, 'r2', 'markdown')).toBe('<!-- gongwen-lint-disable-next-line r1, r2 -- 原文如此 -->\n道路,桥梁\n');
    expect(at('\u3000[gongwen-lint-disable-next-line r1——引用原文]\n道路,桥梁\n', 1, 'r2', 'text')).toBe('\u3000[gongwen-lint-disable-next-line r1, r2——引用原文]\n道路,桥梁\n');
    // A marker without rules disables them all: nothing to add.
    expect(at('【gongwen-lint-disable-next-line】\n道路,桥梁\n', 1, 'r2', 'text')).toBe('【gongwen-lint-disable-next-line】\n道路,桥梁\n');
  });

  test('for the whole file: a directive on the first line, or the rule added to the one there', () => {
    const file = (text: string, format: 'text' | 'markdown') => {
      const doc = TextDocument.create('file:///a', format === 'markdown' ? 'markdown' : 'plaintext', 1, text);
      return TextDocument.applyEdits(doc, [suppressionEdit(doc, format, 'r2', 'disable')]);
    };
    expect(file('# 标题\n\n道路,桥梁\n', 'markdown')).toBe('<!-- gongwen-lint-disable r2 -->\n# 标题\n\n道路,桥梁\n');
    expect(file('【gongwen-lint-disable r1】\n标题\n', 'text')).toBe('【gongwen-lint-disable r1, r2】\n标题\n');
    // A next-line marker on the first line is not a file-wide one.
    expect(file('【gongwen-lint-disable-next-line r1】\n标题\n', 'text')).toBe('【gongwen-lint-disable r2】\n【gongwen-lint-disable-next-line r1】\n标题\n');
  });
});

describe('fix all', () => {
  const text = '道路,桥梁,涵洞';
  const doc = TextDocument.create('file:///a', 'plaintext', 3, text);
  const finding = (start: number, end: number, fix: string): Finding => ({ ruleId: 'r', level: 'warning', message: '', start, end, fix: { start, end, text: fix } });
  const run = (fixable: Finding[], version = 3) => fixAll({ doc, format: 'text', linted: { version, rules: {}, diagnostics: [], fixable }, locale: 'zh', versionedEdits: true });

  test('plans as --fix does: smallest edits, so a fix inside another finding’s span still applies', () => {
    // One finding rewrites the whole span (both commas); another changes a word inside it.
    const { edits, fixed } = run([finding(0, 8, '道路，桥梁，涵洞'), finding(6, 8, '桥涵')]);
    expect(edits.map((e) => e.newText)).toEqual(['，', '，', '桥涵']);
    expect(fixed).toBe(2);
    expect(TextDocument.applyEdits(doc, edits)).toBe('道路，桥梁，桥涵');
  });

  test('leaves a fix that collides with one already chosen for the next run', () => {
    const { edits, fixed } = run([finding(5, 6, '，'), finding(2, 3, '，'), finding(2, 5, '、桥梁')]);
    expect(fixed).toBe(2);
    expect(TextDocument.applyEdits(doc, edits)).toBe('道路，桥梁，涵洞');
  });

  test('offers nothing for findings of an older version of the document', () => {
    expect(run([finding(2, 3, '，')], 2)).toEqual({ edits: [], fixed: 0 });
  });
});

describe('text opened with the wrong encoding', () => {
  test('many U+FFFD characters get one notice; a stray one does not', () => {
    const mojibake = TextDocument.create('file:///a', 'plaintext', 1, `标题\n${'\ufffd'.repeat(5)}`);
    expect(encodingNotice(mojibake, 'zh')).toMatchObject({ code: 'encoding', range: { start: { line: 1, character: 0 } } });
    expect(encodingNotice(TextDocument.create('file:///a', 'plaintext', 1, `标题\ufffd${'正文'.repeat(100)}`), 'zh')).toBeUndefined();
  });
});

describe('hover', () => {
  test('rule prose is shown literally: * and backticks are escaped, Chinese punctuation is not', () => {
    const md = ruleDocsMarkdown(
      { id: 'r', severity: 'error', builtin: true, file: '', docs: { summary: { zh: '星号*镇', en: '' }, what: '当作空白的 * 和 ==（*镇）', why: '原因。', source: 'GB/T 9704-2012', example: '完成*亿元' } },
      'zh',
    );
    expect(md).toContain('**r** · 错误 — 星号\\*镇');
    expect(md).toContain('当作空白的 \\* 和 ==（\\*镇）');
    expect(md).toContain('GB/T 9704-2012');
    expect(md).toContain('```text\n完成*亿元\n```');
    expect(md).toContain('(https://github.com/gongwen-lint/gongwen-lint/blob/main/docs/rules/r.md)');
  });
});
