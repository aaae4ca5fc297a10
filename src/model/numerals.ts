const DIGITS: Record<string, number> = { '零': 0, '〇': 0, '○': 0, 'Ｏ': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
};
const SMALL_UNITS: Record<string, number> = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000 };
const BIG_UNITS: Record<string, number> = { '万': 1e4, '亿': 1e8 };

/** Each numeral character's kind and value by UTF-16 code unit: a lookup per character, not a property search by a fresh string. */
const NONE = 0;
const DIGIT = 1;
const SMALL = 2;
const BIG = 3;
const KIND = new Uint8Array(0x10000);
const VALUE = new Float64Array(0x10000);
for (const [table, kind] of [[DIGITS, DIGIT], [SMALL_UNITS, SMALL], [BIG_UNITS, BIG]] as const) {
  for (const [ch, value] of Object.entries(table)) {
    KIND[ch.charCodeAt(0)] = kind;
    VALUE[ch.charCodeAt(0)] = value;
  }
}

/**
 * Parses a Chinese integer numeral: 十一, 二十三, 一百零五, 三千, 两万五千, 一亿零三百万,
 * and digit-by-digit forms such as 二〇二三. Returns null for anything else.
 */
export function parseChineseInteger(s: string): number | null {
  if (s.length === 0) return null;
  let hasUnit = false;
  for (let i = 0; i < s.length; i++) {
    const kind = KIND[s.charCodeAt(i)];
    if (kind === NONE) return null;
    if (kind !== DIGIT) hasUnit = true;
  }
  if (!hasUnit) {
    // Digit-by-digit (二〇二三) or a single digit.
    let n = 0;
    for (let i = 0; i < s.length; i++) n = n * 10 + VALUE[s.charCodeAt(i)];
    return n;
  }
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 group within the current 亿 group
  let group = 0; // below 万
  let digit: number | null = null;
  let lastSmall = Infinity;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const unit = VALUE[code];
    if (KIND[code] === DIGIT) {
      if (digit !== null && unit !== 0) return null; // 二三十
      digit = unit === 0 ? null : unit;
      if (unit === 0) lastSmall = Infinity;
    } else if (KIND[code] === SMALL) {
      if (unit >= lastSmall) return null; // 十百
      group += (digit ?? (unit === 10 ? 1 : NaN)) * unit; // 十二 = 12, but 百二 is not a number
      if (Number.isNaN(group)) return null;
      digit = null;
      lastSmall = unit;
    } else {
      const value = group + (digit ?? 0);
      if (unit === 1e8) {
        total = (total + section + value) * unit;
        section = 0;
      } else {
        if (section !== 0) return null;
        section = value * unit;
      }
      group = 0;
      digit = null;
      lastSmall = Infinity;
    }
  }
  return total + section + group + (digit ?? 0);
}
