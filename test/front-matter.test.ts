import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';
import { model } from './helpers/model.js';

const at = (text: string, findings: Array<{ ruleId: string; start: number; end: number }>) => findings.map((f) => `${f.ruleId}:${text.slice(f.start, f.end)}`);

describe('Markdown front matter', () => {
  it('is metadata: its keys, lists and punctuation are not checked', async () => {
    const text = '---\ntags: [总结, XX]\nauthor: 某镇办公室\ndate: 2024-07-01\n---\n\n# 新丰镇2024年上半年工作总结\n\n今年以来，全镇经济运行稳中有进。\n\n## 一、存在问题\n\n项目储备不足。\n';
    expect(at(text, await lintString(text, { format: 'markdown' }))).toEqual([]);
  });

  it("gives the document its title, which is checked like a title line (plain, quoted, TOML)", async () => {
    for (const text of [
      '---\ntitle: 某镇2024年上半年工作总结\nweight: 10\n---\n\n今年以来，全镇经济运行稳中有进，投资XX万元。\n\n## 一、存在问题\n\n项目储备不足。\n',
      '---\ntitle: "某镇2024年上半年工作总结"\n---\n\n今年以来，全镇经济运行稳中有进，投资XX万元。\n\n## 一、存在问题\n\n项目储备不足。\n',
      '+++\ntitle = \'某镇2024年上半年工作总结\'\ndraft = true\n+++\n\n今年以来，全镇经济运行稳中有进，投资XX万元。\n\n## 一、存在问题\n\n项目储备不足。\n',
    ]) {
      const m = await model(text, 'markdown');
      expect(m.facts.title?.text, text).toBe('某镇2024年上半年工作总结');
      expect(m.facts).toMatchObject({ year: 2024, type: 'summary' });
      // No missing-title; the placeholder in the title and the one in the body, at their offsets.
      expect(at(text, await lintString(text, { format: 'markdown' })), text).toEqual(['no-placeholder:某镇', 'no-placeholder:XX']);
    }
  });

  it('without a title leaves the title to the first heading, and broken YAML is still only metadata', async () => {
    const text = '---\ntitle: [unclosed\n  : : XX\n---\n\n# 新丰镇2024年工作计划\n\n全年新建道路3公里。\n';
    const m = await model(text, 'markdown');
    expect(m.facts.title?.text).toBe('新丰镇2024年工作计划');
    expect(await lintString(text, { format: 'markdown' })).toEqual([]);
  });

  it('is only at the very start: a later --- pair is a rule and a heading, and plain text has none', async () => {
    const later = '# 新丰镇2024年工作计划\n\n全年新建道路3公里。\n\n---\ntitle: 投资XX万元\n---\n';
    expect(at(later, await lintString(later, { format: 'markdown', rule: 'no-placeholder' }))).toEqual(['no-placeholder:XX']);
    const plain = '---\ntags: XX\n---\n新丰镇2024年工作计划\n';
    expect(at(plain, await lintString(plain, { rule: 'no-placeholder' }))).toEqual(['no-placeholder:XX']);
  });
});
