/**
 * Units a quantity can carry, grouped in families whose members convert into each other
 * (9800万元 and 1.2亿元 are both money, counted in 元). Counting classifiers (个, 家, 宗 …) each
 * form their own family: 3个 and 3家 are not the same kind of thing.
 */
export type Family =
  | 'percent' | 'permille' | 'points' | 'times'
  | 'money' | 'usd' | 'area' | 'length' | 'mass' | 'volume' | 'power' | 'energy'
  | 'people' | 'visits' | 'time'
  | `count:${string}`;

export interface UnitInfo {
  family: Family;
  /** Multiplier to the family's base unit. */
  factor: number;
}

const TABLE: Array<[string, Family, number]> = [
  ['个百分点', 'points', 1], ['百分点', 'points', 1],
  ['%', 'percent', 1], ['％', 'percent', 1], ['﹪', 'percent', 1], ['‰', 'permille', 1], ['倍', 'times', 1],
  ['元', 'money', 1], ['美元', 'usd', 1],
  ['平方公里', 'area', 1e6], ['平方千米', 'area', 1e6], ['平方米', 'area', 1], ['平米', 'area', 1], ['㎡', 'area', 1],
  ['公顷', 'area', 1e4], ['亩', 'area', 10000 / 15],
  ['公里', 'length', 1000], ['千米', 'length', 1000], ['米', 'length', 1],
  ['吨', 'mass', 1000], ['公斤', 'mass', 1], ['千克', 'mass', 1], ['斤', 'mass', 0.5],
  ['立方米', 'volume', 1],
  ['千瓦时', 'energy', 1], ['千瓦', 'power', 1],
  ['人次', 'visits', 1], ['人', 'people', 1], ['名', 'people', 1], ['位', 'people', 1],
  ['个月', 'time', 30], ['小时', 'time', 1 / 24], ['天', 'time', 1],
];

/** Counting classifiers; each is its own family. */
const CLASSIFIERS = [
  '个', '家', '户', '件', '宗', '起', '处', '项', '条', '村', '所', '座', '间', '场次', '场', '次', '批', '台', '套',
  '辆', '头', '株', '棵', '篇', '份', '张', '本', '支', '队', '期', '例', '栋', '幢', '只', '口', '类', '种', '块', '片', '节', '门', '级',
];

export const UNITS: ReadonlyMap<string, UnitInfo> = new Map([
  ...TABLE.map(([u, family, factor]) => [u, { family, factor }] as const),
  ...CLASSIFIERS.map((u) => [u, { family: `count:${u}` as Family, factor: 1 }] as const),
  // 五大基地: 大 counts like a classifier in enumerations.
  ['大', { family: 'count:大' as Family, factor: 1 }],
]);

/** Alternation source, longest first so 万人次 reads as 万 + 人次 and 个月 is not 个. */
export const UNIT_SOURCE = [...UNITS.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|');

export const MAGNITUDES: Readonly<Record<string, number>> = { '万亿': 1e12, '千万': 1e7, '百万': 1e6, '万': 1e4, '亿': 1e8 };

export function isCount(family: Family | undefined): boolean {
  return family !== undefined && family.startsWith('count:');
}

/** Families a claim compares as ordinary amounts (not rates, not durations). */
export function isAmount(family: Family | undefined): boolean {
  return family !== undefined && !['percent', 'permille', 'points', 'times', 'time'].includes(family);
}
