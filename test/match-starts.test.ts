import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { MatchStarts, matchStarts, type Prefix } from '../src/checkers/match-starts.js';

/** Every position where `re` matches (tried at each code point, as a unicode regex's search does). */
function matchPositions(re: RegExp, text: string): number[] {
  const sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\udc00-\udfff]/.test(text[i]) && /[\ud800-\udbff]/.test(text[i - 1])) continue;
    sticky.lastIndex = i;
    if (sticky.test(text)) out.push(i);
  }
  return out;
}

const built = new WeakMap<RegExp[], MatchStarts>();

/** The positions MatchStarts offers for each regex. */
function offered(regexes: RegExp[], text: string): Set<number>[] {
  const out = regexes.map(() => new Set<number>());
  let starts = built.get(regexes);
  if (!starts) built.set(regexes, (starts = new MatchStarts(regexes)));
  starts.scan(text, (pos, marks) => marks.forEach((m, k) => m && out[k].add(pos)));
  return out;
}

/** A text made of the regexes' own characters, digits, spaces, line breaks and a few others. */
function textOf(regexes: RegExp[]) {
  const own = [...new Set(regexes.flatMap((re) => [...re.source.replace(/\\[a-z]|[()[\]{}?*+|^$\\]/gi, '')]))];
  const pieces = [...own, '0', '7', ' ', '\u3000', '\t', '\n', '\r', '\u2028', '，', '的', '😀', 'a', '-'];
  return fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
}

function expectNoMiss(regexes: RegExp[], text: string) {
  const got = offered(regexes, text);
  regexes.forEach((re, k) => {
    const missed = matchPositions(re, text).filter((p) => !got[k].has(p));
    expect(missed, `${re.source} on ${JSON.stringify(text)}`).toEqual([]);
  });
}

const SAMPLES = [
  /(?:当前位置|您的位置)\s*[:：]/mu,
  /^[ \t\u3000]*(?:上一篇|下一篇)\s*[:：]?/mu,
  /^[ \t\u3000]*[（(]?(?:来源|文章来源)\s*[:：]/mu,
  /(?:^|[\s（(，,])\d{1,4}\s*页(?:$|[\s）)，,])|共\s*\d+\s*页/mu,
  /(?<![\d-])(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])/mu,
  /(?<![0-9a-fA-F])[0-9a-f]{24,}/mu,
  /(?<![\w.]|ab)\d+(?:\.\d+)?\s*K|(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d/mu,
  /以下是[^\r\n]{0,24}的/mu,
  /^\s*$/mu,
  /a*/mu,
  /😀+的/mu,
  /[\u3400-\u9fff]页/mu,
  /下载/imu,
  /(?:工作|政府)(?:总结|报告)|实施方案/mu,
  // The syntax the reading has to follow: escapes, named groups and back-references, lazy and counted
  // repeats, classes with escapes and ranges, escaped surrogate pairs, assertions.
  /(?<y>19|20)\d{2}年\k<y>|(a)\1/mu,
  /\x41\u0042\u{43}[\-\]a-c]+?D{2,3}/mu,
  /\uD83D\uDE00的|[😀-😂]了/mu,
  /(?:^|\b)ab(?=c)|(?<!x)yz$|\Bq/mu,
  /\cJ?[\t\n]X|[^的]的的/mu,
  /a{0}b|c{2,}d|\s+e|[\s\d]{0,2}f/mu,
];

describe('match starts: where a regex may start matching', () => {
  it('reads the prefixes of a keyword regex and of one anchored at line starts', () => {
    const texts = (ps: Prefix[]) => ps.map((p) => p.text).sort();
    expect(texts(matchStarts(/(?:当前位置|您的位置)\s*[:：]/mu).words)).toEqual(expect.arrayContaining(['当前位置:', '您的位置：']));
    const anchored = matchStarts(/^[ \t\u3000]*(?:上一篇|下一篇)/mu);
    expect(anchored.words).toEqual([]);
    expect(texts(anchored.lineWords)).toEqual(['上一篇', '下一篇']);
    // Digits fold to one symbol: four strings, not ten thousand.
    expect(matchStarts(/共\d{1,4}页/mu).words.length).toBeLessThan(10);
    // A negative lookbehind keeps the prefix from counting inside a longer number.
    expect(matchStarts(/(?<![\d-])20\d\d年/mu).words[0].notAfter).toEqual(expect.arrayContaining([0x30, 0x39, 0x2d]));
  });

  it('gives up, rather than guess, on what it cannot read', () => {
    expect(matchStarts(/下载/imu).anywhere).toBe(true);
    expect(matchStarts(/[\u3400-\u9fff]页/mu).anywhere).toBe(true);
    expect(matchStarts(/a*/mu).anywhere).toBe(true);
  });

  it('offers no position of a text without the words', () => {
    const text = '全镇经济社会保持平稳健康发展，各项事业取得新进展。\n'.repeat(20);
    expect(offered([/(?:当前位置|您的位置)\s*[:：]/mu, /^[ \t\u3000]*上一篇/mu], text).map((s) => s.size)).toEqual([0, 0]);
  });

  it('never misses a position where a regex matches (sample regexes, generated texts)', () => {
    fc.assert(
      fc.property(textOf(SAMPLES), (text) => expectNoMiss(SAMPLES, text)),
      { numRuns: 300 },
    );
  });

  it("never misses a position where one of web-residue's signals matches", () => {
    const rule = YAML.parse(fs.readFileSync(new URL('../rules/web-residue.yaml', import.meta.url), 'utf8'));
    const signals: RegExp[] = rule.options.signals.map((s: { regex: string }) => new RegExp(s.regex, 'mu'));
    fc.assert(
      fc.property(textOf(signals), (text) => expectNoMiss(signals, text)),
      { numRuns: 200 },
    );
    // And on lines built from the signals' own phrases.
    const phrases = ['当前位置：', '首页 > ', '上一篇：', '来源：', '发布时间：2025-01-06 15:32', '12:30', '第3页 共5页', '还剩3页未读', '42.6 KB', '1/5页', '- 3 -', '工作总结', '三、', '(2)', 'www.example.com', '0123456789abcdef0123456789'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...phrases, '\n', ' ', '，', '全镇', '\u3000'), { maxLength: 12 }), (parts) => expectNoMiss(signals, parts.join(''))),
      { numRuns: 200 },
    );
  });
});
