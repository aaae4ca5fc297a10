import { describe, expect, it } from 'vitest';
import { LiteralIndex, mayMatch, requiredChars, requiredLiterals, unitSet } from '../src/checkers/required-chars.js';

/** Whether a document passes the literal index built from one regex's literals. */
const holdsLiteral = (literals: readonly string[], text: string) => new LiteralIndex([literals]).held(text)(0);
import { regexTriggers } from './fuzz/adversarial.js';
import { builtinRules, lintString } from './helpers/lint.js';

const sets = (source: string, flags = 'gmu') => requiredChars(new RegExp(source, flags)).map((set) => String.fromCharCode(...set));

describe('required characters of a regex', () => {
  it('reads literals, classes, repeats, groups and positive lookarounds', () => {
    expect(sets('某{2,}(?:乡镇|镇)')).toEqual(['某', '乡镇']);
    expect(sets('(?<![A-Za-z])[Xx]{1,2}月')).toEqual(['Xx', '月']);
    expect(sets('\\d+(?=元)')).toEqual(['0123456789', '元']);
    expect(sets('(?<=截)止')).toEqual(['截', '止']);
  });

  it('a branch, an optional part or a negative lookaround may be absent', () => {
    expect(sets('X{2,}|x{2,}|×')).toEqual(['Xx×']);
    expect(sets('甲?乙*')).toEqual([]);
    expect(sets('(?!丙)丁(?<!戊)')).toEqual(['丁']);
    expect(sets('己|.')).toEqual([]);
  });

  it('knows nothing of wide classes, negated classes, case folding or Unicode sets', () => {
    expect(sets('[\\u3400-\\u9fff]+')).toEqual([]);
    expect(sets('[^。]+')).toEqual([]);
    expect(sets('\\s\\S\\p{L}')).toEqual([]);
    expect(sets('xx', 'gi')).toEqual([]);
    expect(sets('[甲乙]', 'gv')).toEqual([]);
  });

  it('an astral character needs its lead surrogate', () => {
    const [set] = requiredChars(/𠀋/u);
    expect(set).toEqual(['𠀋'.charCodeAt(0)]);
    expect(mayMatch(requiredChars(/𠀋/u), unitSet('一𠀋二'))).toBe(true);
  });

  it('never rules out a text that a built-in pattern or term matches (random texts of each regex’s own characters)', async () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    let matched = 0;
    for (const { definition } of await builtinRules()) {
      // The checkers that skip a regex on a document without its characters: patterns and term tables.
      const options = definition.options as { patterns?: Array<{ regex: string }>; terms?: Array<{ match: string }> } | undefined;
      if (definition.type !== 'pattern' && definition.type !== 'term-table') continue;
      for (const source of [...(options?.patterns ?? []).map((p) => p.regex), ...(options?.terms ?? []).map((t) => t.match)]) {
        const re = new RegExp(source, 'mu');
        const needs = requiredChars(re);
        const alphabet = [...regexTriggers(source).chars, '一', '。', '\n', ' ', '3'];
        for (let round = 0; round < 300; round++) {
          const text = Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]).join('');
          if (!re.test(text)) continue;
          matched++;
          if (!mayMatch(needs, unitSet(text))) expect.unreachable(`${definition.id} ${source} matches ${text}`);
          if (!holdsLiteral(requiredLiterals(re), text)) expect.unreachable(`${definition.id} ${source} matches ${text} without its literals`);
        }
      }
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('a document without a pattern’s characters skips the pattern, one with them is still reported', async () => {
    expect(await lintString('全镇共有某某村参加评比。', { rule: 'no-placeholder' })).toHaveLength(1);
    expect(await lintString('全镇共有三个村参加评比。', { rule: 'no-placeholder' })).toHaveLength(0);
  });
});

describe('requiredLiterals', () => {
  it('takes the longest literal run of each alternative, and nothing when one alternative has none', () => {
    expect(requiredLiterals(/(?:确保|力争)[^，。]{0,6}?[“"]?十三五[”"]?规划收官/gmu)).toEqual(['规划收官']);
    expect(requiredLiterals(/打印本页|关闭窗口/gmu)).toEqual(['打印本页', '关闭窗口']);
    expect(requiredLiterals(/打印本页|[关闭]窗/gmu)).toEqual([]);
    expect(requiredLiterals(/某[镇村]/gmu)).toEqual([]);
    expect(requiredLiterals(/ab/gimu)).toEqual([]);
  });

  it('reads the literals of a group, and spells out a run through small groups', () => {
    expect(requiredLiterals(/(?:打印本页|关闭窗口|分享到[:：]?)(?=\s|$)/gmu)).toEqual(['打印本页', '关闭窗口', '分享到']);
    expect(requiredLiterals(/某(?:镇|村)/gmu)).toEqual(['某镇', '某村']);
    expect(requiredLiterals(/[\w.]+@[\w-]+\.(?:com|cn)\b/gmu)).toEqual(['.com', '.cn']);
    expect(requiredLiterals(/(?:https?:\/\/|www\.)\S+/gmu)).toEqual(['http', 'www.']);
    // A branch that is not literal text ends the spelling; the longest part still counts.
    expect(requiredLiterals(/(?:甲乙|[丙丁])戊己庚/gmu)).toEqual(['戊己庚']);
    // A repeated group holds one of its literals at least once; an optional one need not be there.
    expect(requiredLiterals(/(?:完成|实现){1,2}[^。]*/gmu)).toEqual(['完成', '实现']);
    expect(requiredLiterals(/(?:完成|实现)?[^。]*/gmu)).toEqual([]);
  });

  it('lets a document through only when it holds one of them, and every match is in such a document', () => {
    const re = /(?:确保|力争)[^，。]{0,6}?十三五[”"]?(?:规划)?圆满收官|今年是十四五开局/gmu;
    const literals = requiredLiterals(re);
    expect(holdsLiteral(literals, '全年确保“十三五”圆满收官。')).toBe(true);
    expect(holdsLiteral(literals, '今年是十四五开局之年。')).toBe(true);
    expect(literals).toEqual(['圆满收官', '今年是十四五开局']);
    expect(holdsLiteral(literals, '确保“十四五”规划顺利完成。')).toBe(false);
    for (const text of ['确保全面实现十三五规划圆满收官', '力争十三五”圆满收官', '今年是十四五开局']) {
      expect(re.test(text), text).toBe(true);
      re.lastIndex = 0;
      expect(holdsLiteral(literals, text), text).toBe(true);
    }
  });
});

describe('LiteralIndex', () => {
  // A few literals are searched natively, many through one pass of a trie: both must hold the same regexes.
  const lists = [['圆满收官', '开局之年'], [], ['中华人民共和国'], ['十四五', '规划纲要'], ['未读']];
  const filler = Array.from({ length: 8 }, (_, i) => [`填充词${i}号`]);
  const texts = ['全年确保“十三五”圆满收官。', '今年是“十四五”开局之年。', '中华人民共和国', '还剩3页未读', '规划纲要', '无关的句子。', ''];

  it('holds a regex when one of its literals is in the text, by either search', () => {
    const few = new LiteralIndex(lists);
    const many = new LiteralIndex([...lists, ...filler]);
    for (const text of texts) {
      const a = few.held(text);
      const b = many.held(text);
      lists.forEach((list, i) => {
        const expected = list.length === 0 || list.some((l) => text.includes(l));
        expect(a(i), `${text} ${i}`).toBe(expected);
        expect(b(i), `${text} ${i}`).toBe(expected);
      });
    }
  });
});
