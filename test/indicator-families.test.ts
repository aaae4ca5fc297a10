import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

const rule = 'indicator-value-conflict';
const reported = async (text: string) => (await lintString(text, { rule })).length;

describe('indicator-value-conflict: new jobs', () => {
  it('reports two values for the year’s new jobs, and not the same value twice', async () => {
    expect(await reported('全年新增就业1,350人，同比增长5%。全镇新增就业1,305人，其中返乡创业120人。')).toBe(1);
    expect(await reported('全年新增就业1,350人，同比增长5%。全镇新增就业1,350人，其中返乡创业120人。')).toBe(0);
  });

  it('keeps the jobs of a group and the target apart', async () => {
    expect(await reported('全年新增就业1,350人。帮助脱贫劳动力新增就业1,200人。')).toBe(0);
    expect(await reported('全年新增就业1,350人。明年新增就业目标1,400人。')).toBe(0);
  });
});
