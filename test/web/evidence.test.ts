import { describe, expect, it } from 'vitest';
import { evidenceRows } from '../../web/src/evidence.js';

describe('evidenceRows', () => {
  it('labels shared names, prefers the text a number was read from, and keeps the rest apart', () => {
    const rows = evidenceRows(
      { claim: 'ratio', label: '办结率', rate: 98, rateText: '98%', numerator: 304, numeratorText: '304件', denominator: 320, computed: 95.00000001, step: 1.000000001, note: null },
      'zh',
    );
    expect(rows.main).toEqual([
      ['指标', '办结率'],
      ['完成数（分子）', '304件'],
      ['总数（分母）', '320'],
      ['文中数值', '98%'],
      ['计算结果', '95'],
    ]);
    expect(rows.rest).toEqual([
      ['claim', 'ratio'],
      ['step', '1'],
    ]);
  });

  it('speaks English and leaves unknown evidence under its own names', () => {
    expect(evidenceRows({ match: 'XX' }, 'en')).toEqual({ main: [['Matched text', 'XX']], rest: [] });
    expect(evidenceRows({ year: 2023, plan: '五五' }, 'en')).toEqual({ main: [], rest: [['year', '2023'], ['plan', '五五']] });
    expect(evidenceRows(undefined, 'zh')).toEqual({ main: [], rest: [] });
  });
});
