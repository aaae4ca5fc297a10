import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';

async function residue(text: string): Promise<string[]> {
  return (await lintString(text, { rule: 'web-residue' })).map((f) => text.slice(f.start, f.end));
}

/** A short work summary with `line` put in after its last paragraph. */
function doc(line: string): string {
  return [
    '青山镇2025年上半年工作总结',
    '今年以来，青山镇坚持稳中求进工作总基调，经济社会保持平稳健康发展。',
    '一、主要工作成效',
    '完成地区生产总值9.2亿元，同比增长6.1%；新建高标准农田6000亩。',
    '二、存在的问题',
    '一是产业结构偏单一；二是基础设施仍有短板。',
    line,
    '',
  ].join('\n');
}

describe("web-residue: a document site's edit note, sign-off, uploader and search box", () => {
  it.each([
    '文档仅供参考，下载后可编辑。',
    '本资料为Word版本，可以直接编辑和打印，感谢您的下载',
    '感谢您的阅读，祝您生活愉快。',
    '本文由网友投稿整理，仅供参考。',
    '相关热词搜索：乡镇 上半年 工作总结',
  ])('%s', async (line) => {
    expect(await residue(doc(line))).toEqual([line]);
  });

  it.each([
    // A report's own words about a form, a draft and thanks.
    '群众可在县政府网站下载申请表，下载后可以直接打印填写，由村委会统一收取。',
    '本文由镇党政办提供初稿，经镇党委会议讨论通过。',
    '感谢您的支持。',
    '全镇热门景点接待游客12万人次，开展“祝您健康”义诊活动8场。',
  ])('stays clean: %s', async (line) => {
    expect(await residue(doc(line))).toEqual([]);
  });
});
