import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../web/src/fixes.js';

describe('applyFixes', () => {
  it('applies fixes in any order and keeps every other byte', () => {
    const text = '甲,乙,丙\r\n丁';
    const out = applyFixes(text, [
      { start: 3, end: 4, text: '，' },
      { start: 1, end: 2, text: '，' },
    ]);
    expect(out).toEqual({ text: '甲，乙，丙\r\n丁', applied: 2 });
  });

  it('skips a fix that overlaps one already applied', () => {
    const out = applyFixes('XX年XX月', [
      { start: 0, end: 2, text: '2024' },
      { start: 1, end: 3, text: '' },
      { start: 3, end: 5, text: '6' },
    ]);
    expect(out).toEqual({ text: '2024年6月', applied: 2 });
  });

  it('deletes and inserts', () => {
    expect(applyFixes('完成了了任务', [{ start: 3, end: 4, text: '' }, { start: 6, end: 6, text: '。' }]).text).toBe('完成了任务。');
  });
});
