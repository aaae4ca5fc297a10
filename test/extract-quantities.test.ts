import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../src/extract/numerals.js';
import { scanQuantities, type Quantity } from '../src/extract/quantities.js';

function scan(text: string): Quantity[] {
  return scanQuantities(text, 0, text.length);
}

/** The one quantity in `text` that has a unit (or the only one). */
function one(text: string): Quantity & { raw: string } {
  const qs = scan(text);
  const q = qs.find((x) => x.family) ?? qs[0];
  expect(q, text).toBeDefined();
  return { ...q, raw: text.slice(q.start, q.end) };
}

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['两', 2], ['十', 10], ['十一', 11], ['二十三', 23], ['一百零五', 105], ['三千', 3000],
    ['两万五千', 25000], ['一亿零三百万', 103000000], ['四百十二', 412], ['七点九', 7.9], ['十二点零五', 12.05],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumber(s)?.value).toBe(n);
  });

  it.each(['一一', '二〇二三', '百二', '点五', '七点'])('refuses %s', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });
});

describe('quantities', () => {
  it('finds Chinese quantities whose numeral holds a unit\'s first character, and passes over numeral words', () => {
    const read = (text: string) => scan(text).map((q) => [text.slice(q.start, q.end), q.value]);
    // 千 of 三千米 could start 千米; 百 of 两个百分点 and 一百分之 could start 百分点, 百分之.
    expect(read('修路三千米')).toEqual([['三千米', 3000]]);
    expect(read('增长两个百分点')).toEqual([['两个百分点', 2]]);
    expect(read('一百分之三十')).toEqual([['百分之三十', 30]]);
    expect(read('二十二万七千元')).toEqual([['二十二万七千元', 227000]]);
    expect(read('进一步提升，一是加强，十分重要')).toEqual([]);
  });

  it('reads Arabic numbers with decimals, magnitudes and units, normalised within the family', () => {
    expect(one('投资1.2亿元')).toMatchObject({ raw: '1.2亿元', number: 1.2, value: 1.2e8, family: 'money', decimals: 1 });
    expect(one('投资9800万元')).toMatchObject({ value: 9.8e7, family: 'money' });
    expect(one('面积1.8万亩').value).toBeCloseTo(18000 * (10000 / 15));
    expect(one('接待游客12.6万人次')).toMatchObject({ value: 126000, family: 'visits', unit: '人次' });
    expect(one('新建道路3.5公里')).toMatchObject({ value: 3500, family: 'length' });
  });

  it('normalises units of one family to the same base, so 9800万元 < 1.2亿元 and 1公顷 = 15亩', () => {
    expect(one('9800万元').value).toBeLessThan(one('1.2亿元').value);
    expect(one('1公顷').value).toBeCloseTo(one('15亩').value);
    expect(one('2公斤').value).toBeCloseTo(one('4斤').value);
    expect(one('3个').family).not.toBe(one('3家').family);
  });

  it('reads full-width digits and separators, including a full-width comma misused as one', () => {
    expect(one('１９９２年产量１２．５万吨')).toMatchObject({ number: 12.5, family: 'mass' });
    expect(one('产量33，212万吨')).toMatchObject({ raw: '33，212万吨', number: 33212 });
    expect(one('收入1,234,567元')).toMatchObject({ number: 1234567 });
    // Not a separator: a list of two counts.
    expect(scan('受理128宗,调结111宗').map((q) => q.number)).toEqual([128, 111]);
  });

  it('reads Chinese numerals only with a unit, and 百分之 as a percentage', () => {
    expect(one('共七个方面')).toMatchObject({ number: 7, unit: '个' });
    expect(one('增长百分之七点九')).toMatchObject({ number: 7.9, family: 'percent', decimals: 1 });
    expect(one('达到百分之百')).toMatchObject({ number: 100, family: 'percent' });
    expect(scan('一是统一思想，进一步加强')).toEqual([]);
    expect(scan('第三个五年计划').some((q) => q.number === 3)).toBe(false);
  });

  it('keeps approximations as qualifiers: 约, 近, 超过, 多, 余, 左右, 以上', () => {
    expect(one('约3万人').approx).toBe('约');
    expect(one('近500户').approx).toBe('近');
    expect(one('超过20家').approx).toBe('超过');
    expect(one('3万余人')).toMatchObject({ approx: '余', value: 30000 });
    expect(one('10多万元')).toMatchObject({ approx: '多', value: 100000 });
    expect(one('50余条')).toMatchObject({ approx: '余', number: 50 });
    expect(one('增长5%左右').approx).toBe('左右');
    expect(one('1万人以上').approx).toBe('以上');
    expect(one('完成120亩').approx).toBeUndefined();
    // 约 ending a word (签约, 节约) qualifies nothing; alone or in 大约 it does.
    expect(one('已签约3,126人').approx).toBeUndefined();
    expect(one('节约用水12吨').approx).toBeUndefined();
    expect(one('约3,126人').approx).toBe('约');
    expect(one('大约40户').approx).toBe('大约');
  });

  it('marks digits replaced by placeholders as unknown values', () => {
    for (const text of ['比增21.X%', '投资3X00多万元', '流转土地X万多亩', '慰问金XX万余元', '共9X%的居民']) {
      const q = one(text);
      expect(q.placeholder, text).toBe(true);
      expect(Number.isNaN(q.value), text).toBe(true);
    }
  });

  it('marks both ends of a range, and reads a leading minus sign', () => {
    const [a, b] = scan('增长4.5-5%');
    expect(a).toMatchObject({ range: true, family: 'percent', number: 4.5 });
    expect(b).toMatchObject({ range: true, number: 5, negative: false });
    expect(one('下降-5%')).toMatchObject({ number: -5, negative: true });
    expect(one('增长－1.5%')).toMatchObject({ number: -1.5, negative: true });
  });

  it('gives each value the rounding of its last digit; whole counts are exact', () => {
    expect(one('1.2亿元').half).toBeCloseTo(0.05e8);
    expect(one('3910万元').half).toBeCloseTo(5000);
    expect(one('128宗').half).toBe(0);
    expect(one('三万千瓦').half).toBe(5000);
    expect(one('86.72%').half).toBeCloseTo(0.005);
  });

  it('reads a space typed or scraped before a percent sign, a magnitude or a unit, and only there', () => {
    expect(one('出勤率为 96.5 %')).toMatchObject({ raw: '96.5 %', number: 96.5, family: 'percent', decimals: 1 });
    expect(one('到位资金2.5 万元')).toMatchObject({ raw: '2.5 万元', value: 25000, family: 'money' });
    expect(one('营业收入3.4亿 元')).toMatchObject({ raw: '3.4亿 元', value: 3.4e8 });
    expect(one('全年接待7\u00a0万人次')).toMatchObject({ value: 70000, family: 'visits' });
    expect(one('占比１２．５\u3000％')).toMatchObject({ number: 12.5, family: 'percent' });
    expect(one('比例为 8.5 ﹪')).toMatchObject({ number: 8.5, family: 'percent' });
    // A space before a word that is no unit stays outside: the year and the digit groups of OCR.
    expect(scan('2024 年完成').map((q) => [q.number, q.family])).toEqual([[2024, undefined]]);
    expect(scan('收入1 0元').filter((q) => q.family)).toEqual([]);
  });

  it('reads 百分之 with a Chinese decimal, and Chinese-numeral counts with their classifier', () => {
    expect(one('占百分之二十三点五')).toMatchObject({ number: 23.5, family: 'percent', decimals: 1 });
    expect(one('降至百分之零点八')).toMatchObject({ number: 0.8, family: 'percent' });
    expect(one('出生率为7.6‰')).toMatchObject({ number: 7.6, family: 'permille' });
    const counts = scan('全村五个自然组，其中三个已通自来水，两家企业入驻');
    expect(counts.map((q) => [q.number, q.family])).toEqual([[5, 'count:个'], [3, 'count:个'], [2, 'count:家']]);
  });

  it('puts 万 and 亿 amounts of one relation on one scale, each with the rounding of its last digit', () => {
    const part = one('工业投资8,600万元');
    const whole = one('固定资产投资2.15亿元');
    expect((part.value / whole.value) * 100).toBeCloseTo(40);
    expect(part.half).toBe(5000);
    expect(whole.half).toBe(500000);
    expect(one('全年４，２１６人')).toMatchObject({ number: 4216, family: 'people', half: 0 });
  });

  it('reads a digit group only as three digits, and the longest unit written after the number', () => {
    // Four digits after the comma are no thousands group: two numbers.
    expect(scan('共1,2345人').map((q) => [q.number, q.unit])).toEqual([[1, undefined], [2345, '人']]);
    expect(one('提高2个百分点')).toMatchObject({ raw: '2个百分点', unit: '个百分点', family: 'points' });
    expect(one('发电1.5万千瓦时')).toMatchObject({ unit: '千瓦时', family: 'energy', value: 15000 });
    expect(one('企业5000万元以上')).toMatchObject({ raw: '5000万元以上', approx: '以上', value: 5e7 });
    expect(one('投资12X.5万元')).toMatchObject({ raw: '12X.5万元', placeholder: true, decimals: 1 });
  });

  it('skips codes and model numbers', () => {
    expect(scan('5G基站').filter((q) => q.family)).toEqual([]);
    expect(scan('G15沈海高速').length).toBe(0);
  });
});

describe('a list whose unit is written once, after its last figure', () => {
  const listed = (text: string) => scan(text).map((q) => [text.slice(q.start, q.end), q.family, q.value, q.half]);

  it('gives each figure joined by 、 和 及 与 the last one\'s unit and magnitude', () => {
    expect(listed('分别提高4.2、4.1和4.1个百分点')).toEqual([
      ['4.2', 'points', 4.2, 0.05],
      ['4.1', 'points', 4.1, 0.05],
      ['4.1个百分点', 'points', 4.1, 0.05],
    ]);
    expect(listed('分别为1.2、3.4万元')).toEqual([
      ['1.2', 'money', 12000, 500],
      ['3.4万元', 'money', 34000, 500],
    ]);
    // A magnitude of its own stays its own; whole counts stay exact.
    expect(listed('分别为8000万、1.2亿元')).toEqual([
      ['8000万', 'money', 80000000, 5000],
      ['1.2亿元', 'money', 120000000, 5000000],
    ]);
    expect(listed('男、女党员分别为61和25名')).toEqual([
      ['61', 'people', 61, 0],
      ['25名', 'people', 25, 0],
    ]);
  });

  it('leaves a figure with no joiner before the next, and years, without a unit', () => {
    expect(listed('甲项1.2，乙项2.5亿元').map((r) => r[1])).toEqual([undefined, 'money']);
    expect(listed('2023、2024年分别为5个和4个').map((r) => r[1])).toEqual([undefined, undefined, 'count:个', 'count:个']);
  });
});
