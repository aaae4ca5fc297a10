import { describe, expect, it } from 'vitest';
import { generatedTraditional, plantedCheck } from '../scripts/confusion-planted.mjs';
import { traditionalEntries } from '../src/checkers/confusion.js';
import { lintText } from '../src/engine/lint.js';
import { compileRules } from '../src/rules/compile.js';
import { parseRule } from '../src/rules/parse-rule.js';
import { fixText } from '../src/fix/index.js';
import { cli, tempDir } from './helpers/cli.js';
import { builtinRules, lintString } from './helpers/lint.js';

const PACK = ['misspelling', 'variant-form', 'word-confusion', 'renamed-institution', 'traditional-character'];

async function spans(text: string, rule: string) {
  return (await lintString(text, { rule })).map((f) => ({ text: text.slice(f.start, f.end), message: f.message, fix: f.fix?.text }));
}

describe('confusion rule pack', () => {
  it('catches every entry planted into a correct document, and is silent on its correction and its valid sentences', async () => {
    const rules = (await builtinRules()).filter((r) => r.definition.type === 'confusion');
    expect(rules.map((r) => r.definition.id).sort()).toEqual([...PACK].sort());
    const traditional = rules.find((r) => r.definition.id === 'traditional-character')!;
    const generated = generatedTraditional(traditional, await traditionalEntries());
    const { counts, failures } = await plantedCheck({ lintText, rules, generated });
    expect(failures).toEqual([]);
    const written = PACK.filter((id) => id !== 'traditional-character').reduce((n, id) => n + counts[id].entries, 0);
    expect(written).toBeGreaterThanOrEqual(600);
    expect(counts['traditional-character'].entries).toBeGreaterThan(2000);
    for (const c of Object.values(counts)) expect(c.caught).toBe(c.entries);
  }, 120_000);

  it('every entry with a context or a guard brings a sentence that shows it', async () => {
    for (const rule of await builtinRules()) {
      if (rule.definition.type !== 'confusion') continue;
      for (const e of (rule.definition.options?.entries ?? []) as Array<Record<string, unknown>>) {
        if (e.before || e.after) expect(e.example, `${rule.definition.id} ${String(e.wrong)}`).toBeTruthy();
        if (e.notBefore || e.notAfter || e.except) expect(e.valid, `${rule.definition.id} ${String(e.wrong)}`).toBeTruthy();
      }
    }
  });

  it('截止 before a time point is fixed to 截至; 截止日期 and 截止到 are left alone', async () => {
    const text = '截止2024年底，全镇累计完成投资5亿元。报名截止日期为6月30日。截止到目前，已完成80%。';
    expect(await spans(text, 'word-confusion')).toEqual([{ text: '截止', message: expect.stringContaining('时间点前应写“截至”'), fix: '截至' }]);
    const { output } = await fixText(text, 'text', { rules: (await builtinRules()).filter((r) => r.definition.id === 'word-confusion') });
    expect(output).toBe('截至2024年底，全镇累计完成投资5亿元。报名截止日期为6月30日。截止到目前，已完成80%。');
  });

  it('reports the earliest, longest of overlapping wrong forms once', async () => {
    const found = await spans('青禾镇2024年工作总结\n由县卫生计生委统一调配。', 'renamed-institution');
    expect(found.map((f) => f.text)).toEqual(['卫生计生委']);
  });

  it('checks renamed bodies against the document year, and leaves a sentence dated in the old years', async () => {
    expect(await spans('青禾镇2017年工作总结\n配合县安监局开展检查。', 'renamed-institution')).toEqual([]);
    expect(await spans('青禾镇2024年工作总结\n2016年，县安监局在本镇设立监测点。', 'renamed-institution')).toEqual([]);
    const [f] = await spans('青禾镇2024年工作总结\n配合县安监局开展检查。', 'renamed-institution');
    expect(f).toMatchObject({ text: '安监局', fix: undefined });
    expect(f.message).toContain('应急管理局');
    expect(f.message).toContain('2024');
    // The pack's finding replaces stale-term's on the same span.
    const both = await lintString('青禾镇2024年工作总结\n配合县安监局开展检查。');
    expect(both.filter((x) => x.ruleId === 'stale-term')).toEqual([]);
    expect(await spans('配合县安监局开展检查。', 'renamed-institution')).toEqual([]);
  });

  it('reports traditional characters from the OpenCC table, not characters of both scripts nor quoted names, and caps a traditional text', async () => {
    expect((await spans('会议於3月召开，今年以來成效明显。', 'traditional-character')).map((f) => [f.text, f.fix])).toEqual([
      ['於', '于'],
      ['來', '来'],
    ]);
    expect(await spans('乾隆年间修建的古桥，《臺灣通史》和“國立”字样的旧匾。', 'traditional-character')).toEqual([]);
    // A text in traditional script throughout is one finding, not one per character.
    const traditional = '這裏是一個用繁體字寫成的段落，們對於這種文稿應當整體轉換。'.repeat(3);
    const [whole, ...rest] = await spans(traditional, 'traditional-character');
    expect(rest).toEqual([]);
    expect(whole.message).toMatch(/本文有 \d+ 处繁体字，似为繁体文稿/);
    expect(whole.fix).toBeUndefined();
    // The same characters spread over a long simplified text are slips, each with its fix.
    const spread = `${'全镇经济运行平稳，各项事业全面发展。'.repeat(200)}${traditional}`;
    expect((await spans(spread, 'traditional-character')).every((f) => f.fix)).toBe(true);
  });

  it('a configuration adds entries and a whitelist with extendOptions', async () => {
    const root = tempDir({
      '.gongwenlintrc.yaml': [
        'rules:',
        '  misspelling:',
        '    extendOptions:',
        '      entries: [{ wrong: 青禾乡, right: 青禾镇, source: 本县区划调整 }]',
        '      allow: [高梁河]',
        '',
      ].join('\n'),
      'a.txt': '青禾乡今年新建道路3公里。认真落实县委布署。高梁河治理工程完工，新种高梁800亩。\n',
    });
    const { stdout } = await cli(['a.txt', '-f', 'json'], root);
    const found = JSON.parse(stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'misspelling');
    expect(found.map((m: { column: number; message: string }) => [m.column, m.message])).toEqual([
      [1, '“青禾乡”应为“青禾镇”'],
      [20, '“布署”应为“部署”'],
      [35, '“高梁”应为“高粱”'],
    ]);
    const bad = tempDir({ '.gongwenlintrc.yaml': 'rules:\n  misspelling: {extendOptions: {entries: [{wrong: 甲, right: 乙, after: "("}]}}\n', 'a.txt': 'x\n' });
    expect((await cli(['a.txt', '--locale', 'en'], bad)).stderr).toMatch(/\/rules\/misspelling\/extendOptions\/entries\/\d+\/after invalid regular expression/);
  });

  it('a rule file of type confusion needs entries or a generator, and entries need a wrong and a right form', () => {
    const head = 'id: my-words\ntype: confusion\nseverity: warning\nmessage: {zh: 错, en: wrong}\ndocs: {summary: {zh: a, en: b}, what: c, why: d, source: e}\nexamples: {valid: [], invalid: [甲]}\n';
    expect(() => parseRule(`${head}options: {}\n`, 'my.yaml')).toThrow(/my\.yaml/);
    expect(() => parseRule(`${head}options: {entries: [{wrong: 甲}]}\n`, 'my.yaml')).toThrow(/right/);
  });

  it('finds the wrong forms of thousands of entries in one pass', async () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({ wrong: `错${String.fromCharCode(0x4e00 + i)}词`, right: '对' }));
    const def = parseRule(
      `id: big\ntype: confusion\nseverity: warning\nmessage: {zh: "{match}", en: "{match}"}\ndocs: {summary: {zh: a, en: b}, what: c, why: d, source: e}\nexamples: {valid: [], invalid: [x]}\noptions: ${JSON.stringify({ entries })}\n`,
      'big.yaml',
    );
    const [rule] = await compileRules([def]);
    const text = `${'全镇经济运行平稳，各项事业全面发展。'.repeat(20000)}错丁词`;
    const started = performance.now();
    const { findings } = await lintText(text, 'text', { rules: [rule] });
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['错丁词']);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('a list with a starting year', () => {
  it('variant-form checks documents from 2002, when the list took effect, and undated ones', async () => {
    expect(await spans('青禾镇1998年工作总结\n多种经济成份共同发展。', 'variant-form')).toEqual([]);
    expect((await spans('青禾镇2003年工作总结\n多种经济成份共同发展。', 'variant-form')).map((f) => f.text)).toEqual(['成份']);
    expect((await spans('多种经济成份共同发展。', 'variant-form')).map((f) => f.text)).toEqual(['成份']);
  });
});
