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

describe('indicator-value-conflict: the opening and the body of a summary', () => {
  const summary = (opening: string, body: string, plan = '继续抓好就业工作。') =>
    ['西岭镇2024年工作总结', '', `一年来，全镇经济平稳运行。${opening}`, '一、产业发展', '茶叶基地扩面2000亩。', '二、民生保障', body, '三、存在问题', '产业链条短。', '四、2025年工作打算', plan].join('\n');

  it('compares a figure restated under a section with the one in the opening', async () => {
    expect(await reported(summary('全年新增城镇就业860人。', '全年新增城镇就业806人，发放创业贷款300万元。'))).toBe(1);
    expect(await reported(summary('全年新增城镇就业860人。', '全年新增城镇就业860人，发放创业贷款300万元。'))).toBe(0);
  });

  it('keeps a section that names another period or a plan apart', async () => {
    expect(await reported(summary('全年新增城镇就业860人。', '全年新增城镇就业860人。', '全年新增城镇就业900人左右。'))).toBe(0);
    const review = ['东岭镇政府工作报告', '', '一、过去五年工作回顾', '五年来，全镇新增城镇就业4,120人。', '二、2024年主要工作', '全年新增城镇就业3,820人。'].join('\n');
    expect(await reported(review)).toBe(0);
  });
});
