import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, loadRules } from '../src/index.js';
import { prepared, recordPrepared } from '../src/rules/prepared.js';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/index.js');

// Written for this test: page residue (breadcrumb, source line, page footer), traditional
// characters, placeholders, a pattern rule's rare characters and numbers for the claim rules.
const DRAFT = [
  '首页 > 政务公开 > 计划总结',
  '来源：县政府办公室  发布时间：2025-01-06  浏览次数：1024',
  '青石镇2024年工作总结',
  '一、主要成效',
  '全年完成固定资产投资3.2亿元，同比增长12.5%，完成年度计划的108%。',
  '新建村级活动场所X个，改造危房**户，其中C级危房12户、D级危房15户，共计25户。',
  '全镇群眾滿意度明顯提升，辦理群众诉求560件，办结542件，办结率97.6%。',
  '第2页 共5页',
  '二、存在问题',
  '部分项目进度滞后。',
  '',
].join('\n');

const summary = (r: { findings: Array<{ ruleId: string; start: number; end: number; message: string }> }) => r.findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`);

describe('prepared compile steps', () => {
  it('are computed on demand, and recorded while the build records', () => {
    let calls = 0;
    const compute = () => ({ n: ++calls });
    expect(prepared('test-kind', 'a', compute)).toEqual({ n: 1 });
    const recorded = recordPrepared();
    expect(prepared('test-kind', 'b', compute)).toEqual({ n: 2 });
    expect([...recorded.values()]).toEqual([{ n: 2 }]);
  });

  // The bundle looks up what the build computed; the sources compute it. The two must agree.
  it.runIf(fs.existsSync(built))('give the built library the findings the sources give', async () => {
    const bundle = await import(pathToFileURL(built).href);
    const [fromSource, fromBundle] = [await loadRules(), await bundle.loadRules()];
    const texts = [DRAFT, ...fs.readdirSync(path.join(root, 'samples')).map((f) => fs.readFileSync(path.join(root, 'samples', f), 'utf8'))];
    for (const text of texts) {
      const expected = summary(await lintText(text, 'text', { rules: fromSource }));
      expect(summary(await bundle.lintText(text, 'text', { rules: fromBundle }))).toEqual(expected);
    }
    const ids = new Set(summary(await lintText(DRAFT, 'text', { rules: fromSource })).map((s) => s.split(' ')[0]));
    for (const id of ['web-residue', 'traditional-character', 'no-placeholder', 'rate-mismatch']) expect(ids).toContain(id);
  });
});
