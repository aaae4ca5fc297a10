import { parseChineseNumber } from './numerals.js';
import { isCount, MAGNITUDES, UNITS, UNIT_SOURCE, type Family } from './units.js';

/** A number as written, with its unit, magnitude and qualifiers; offsets index the document content. */
export interface Quantity {
  start: number;
  end: number;
  /** The number as stated, before magnitude and unit (NaN when digits are placeholders). */
  number: number;
  /** Normalised to the family's base unit: 9800万元 → 98000000. NaN when unknown. */
  value: number;
  /** Half a unit in the last stated digit, in base units: 1.2亿元 is 1.15亿–1.25亿. */
  half: number;
  /** Digits after the decimal point as written. */
  decimals: number;
  unit?: string;
  family?: Family;
  /** 约, 近, 多, 余, 左右, 以上 …: the value is not exact. */
  approx?: string;
  /** Digits replaced by X, x, ×, *: the value is unknown. */
  placeholder: boolean;
  /** One end of a range such as 4.5-5%. */
  range: boolean;
  /** Offsets of the sign and digits (for fixes). */
  numberStart: number;
  numberEnd: number;
  negative: boolean;
}

const DIGIT = '[0-9０-９]';
const HOLE = '[0-9０-９Xx×*]';
const ARABIC = `${HOLE}*${DIGIT}${HOLE}*(?:[,，]${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${HOLE}+)?`;
const BLANK = '[Xx×*]{1,3}';
const CHINESE = '[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]*)*(?:点[零〇一二三四五六七八九]+)?';

/**
 * Where a quantity can start: a digit, a digit placeholder or a Chinese numeral. A table over the
 * UTF-16 code unit, read in a loop: a character-class regex called once per candidate costs about
 * twenty times as much (the call dominates, and candidates are frequent).
 */
const CANDIDATE = new Uint8Array(0x10000);
for (const c of '0123456789０１２３４５６７８９Xx×*') CANDIDATE[c.charCodeAt(0)] = 1;
/** Chinese numerals, and what else a Chinese number is written with. */
const CN_NUMERAL = 2;
const CN_PART = 4;
for (const c of '零〇一二两三四五六七八九十百千') CANDIDATE[c.charCodeAt(0)] = CN_NUMERAL | CN_PART;
for (const c of '万亿点') CANDIDATE[c.charCodeAt(0)] |= CN_PART;
/**
 * What can follow the numeral of a Chinese quantity (多, 余, a magnitude, the first character of
 * a unit). A run of Chinese numerals with none of these after or inside it — 一是, 进一步, 十分 —
 * cannot hold a quantity, and most Chinese numerals in a report are such words: the run is passed
 * over without trying the quantity pattern at each of its characters.
 */
const FOLLOW = new Uint8Array(0x10000);
for (const w of ['多', '余', '万', '亿', ...UNITS.keys()]) FOLLOW[w.charCodeAt(0)] = 1;

/** Whether the Chinese numeral run at `at` can start a quantity; else where the run ends. */
function chineseRunEnd(content: string, at: number, end: number): number {
  if (content.startsWith('百分之', at)) return -1;
  let i = at + 1;
  while (i < end && CANDIDATE[content.charCodeAt(i)] & CN_PART) {
    if (FOLLOW[content.charCodeAt(i)] || content.startsWith('百分之', i)) return -1;
    i++;
  }
  return i < end && FOLLOW[content.charCodeAt(i)] ? -1 : i;
}
/**
 * One space typed or scraped between a number and its magnitude or unit (60 %, 2.5 万元, 46.8亿 元),
 * read as part of the quantity only when a magnitude or unit follows it.
 */
const GAP = `(?:[ \\u00a0\\u3000](?=[多余万亿]|${UNIT_SOURCE}))?`;
/**
 * A quantity from its first digit, compiled once and tried only at candidate positions (sticky;
 * numbered groups, as named ones cost an object per match): number (Arabic, blank, 百分之…,
 * Chinese), 多/余, magnitude, unit, trailing qualifier. A sign or a leading qualifier is read
 * from the text before.
 */
const QUANTITY = new RegExp(
  `(?:(${ARABIC})${GAP}|(${BLANK})(?=多|余|万|亿|${UNIT_SOURCE})|百分之(${CHINESE}|百)|(${CHINESE})(?=多|余|万|亿|${UNIT_SOURCE}))` +
    `(多|余)?(?:(万亿|千万|百万|万|亿)${GAP})?(多|余)?(${UNIT_SOURCE})?(以上|左右|以下|以内|上下|多|余)?`,
  'y',
);
const QUALIFIERS = ['将近', '接近', '大约', '超过', '不足', '不到', '约', '近', '逾', '超'];
/** 签约3,126人, 节约12吨: 约 ends a word there and qualifies nothing (大约, 约 alone still do). */
const WORD_BEFORE_YUE = '签节集合履违预制公特契缔毁守践邀';
const SIGNS = '-－−负';
const DIGIT_CHAR = /[0-9０-９]/;
const QUALIFIER_END = [...new Set(QUALIFIERS.map((w) => w[w.length - 1]))].join('');
const OCR_END = ' \u3000·・';
const OCR_FRAGMENT = /[0-9０-９·・A-Za-z][ \u3000]+$|[·・]$/;

const FULLWIDTH = /[０-９．]/g;
const HAS_FULLWIDTH = /[０-９．]/;
/** The character at `i`, or '' outside the string, without reading outside it. */
function charAt(s: string, i: number): string {
  return i >= 0 && i < s.length ? s[i] : '';
}

function isLatin(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function trailingZeros(n: number): number {
  let z = 0;
  while (n >= 10 && n % 10 === 0) {
    n /= 10;
    z++;
  }
  return z;
}

/** ASCII digits without separators; most numbers need neither step. */
function toAscii(s: string): string {
  if (HAS_FULLWIDTH.test(s)) s = s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return s.includes(',') || s.includes('，') ? s.replace(/[,，]/g, '') : s;
}

/** The digits of a quantity: Arabic (with placeholders) or Chinese; zeros = trailing zeros of a round Chinese figure. */
function readNumber(text: string, arabic: boolean): { number: number; decimals: number; placeholder: boolean; zeros: number } | undefined {
  if (arabic) {
    const ascii = toAscii(text);
    const placeholder = /[Xx×*]/.test(ascii);
    const decimals = ascii.includes('.') ? ascii.length - ascii.indexOf('.') - 1 : 0;
    return { number: placeholder ? Number.NaN : Number(ascii), decimals, placeholder, zeros: 0 };
  }
  const parsed = text === '百' ? { value: 100, decimals: 0 } : parseChineseNumber(text);
  if (!parsed) return undefined;
  // 三万 is a round figure (±5000), 二十二万七千 one to the thousand.
  const zeros = parsed.decimals === 0 && parsed.value >= 10 ? trailingZeros(parsed.value) : 0;
  return { number: parsed.value, decimals: parsed.decimals, placeholder: false, zeros };
}

/** Scans [start, end) of the content for quantities, left to right. */
export function scanQuantities(content: string, start: number, end: number): Quantity[] {
  const out: Quantity[] = [];
  // The next position that can start a quantity: the characters of a match cannot, whatever becomes of it.
  let next = start;
  for (let at = start; at < end; at = Math.max(at + 1, next)) {
    const kind = CANDIDATE[content.charCodeAt(at)];
    if (!(kind & (1 | CN_NUMERAL))) continue;
    if (kind & CN_NUMERAL) {
      const runEnd = chineseRunEnd(content, at, end);
      if (runEnd !== -1) {
        next = runEnd;
        continue;
      }
    }
    QUANTITY.lastIndex = at;
    const m = QUANTITY.exec(content);
    if (!m) {
      if (kind & 1) next = afterFailedPlaceholder(content, at, end);
      continue;
    }
    const matchEnd = at + m[0].length;
    if (matchEnd > end) break;
    next = matchEnd;
    const q = readQuantity(content, at, matchEnd, m);
    if (q) out.push(q);
  }
  markRanges(content, out);
  return out;
}

/**
 * A failed try at a digit or placeholder character means the run of them from `at` holds no digit
 * (a number would have matched): only a blank of at most three before the run's end (XXXX万) can
 * still start a quantity. Skipping the rest keeps a run of 10^6 `X` or `*` linear; trying each of
 * its positions rescanned the run from each.
 */
function afterFailedPlaceholder(content: string, at: number, end: number): number {
  let i = at + 1;
  while (i < end && CANDIDATE[content.charCodeAt(i)] & 1) i++;
  return Math.max(at + 1, i - 3);
}

/**
 * The quantity a match of QUANTITY at `at` stands for, or undefined when it is a code, an ordinal
 * or a word. Apart from the scan: the scan loop stays small, quick for V8 to optimise again.
 */
function readQuantity(content: string, at: number, matchEnd: number, m: RegExpExecArray): Quantity | undefined {
  // Indexed, not destructured: array destructuring goes through the iterator protocol.
  const arabic = m[1];
  const blank = m[2];
  const pct = m[3];
  const cn = m[4];
  const mid = m[5];
  const mag = m[6];
  const mid2 = m[7];
  const unitText = m[8];
  const post = m[9];
  const numberText = arabic ?? blank ?? pct ?? cn!;
  const digitsStart = at + (pct !== undefined ? 3 : 0);
  // Every read is guarded: one past either end deoptimizes this hot function (it was compiled six times a run).
  const before = charAt(content, at - 1);
  // Part of a code or model number (G15, 5G, S*线) or an ordinal (第3个).
  if ((at > 0 && isLatin(content.charCodeAt(at - 1))) || (matchEnd < content.length && isLatin(content.charCodeAt(matchEnd))) || before === '第') return undefined;
  if ((arabic || blank) && (before === '.' || before === '．')) return undefined;
  // OCR splits numbers (1 0元, 0 · 8％): a digit or a middle dot just before, across spaces, makes this a fragment.
  if ((arabic || blank) && before !== '' && OCR_END.includes(before) && OCR_FRAGMENT.test(content.slice(Math.max(0, at - 4), at))) return undefined;
  // A minus sign, unless it is the dash of a range (4.5-5%).
  const sign = before !== '' && SIGNS.includes(before) && !DIGIT_CHAR.test(charAt(content, at - 2)) ? before : undefined;
  const numberStart = at - (sign ? 1 : 0);
  const last = charAt(content, numberStart - 1);
  const pre = last !== '' && QUALIFIER_END.includes(last) && !(last === '约' && numberStart >= 2 && WORD_BEFORE_YUE.includes(content[numberStart - 2]))
    ? QUALIFIERS.find((w) => numberStart >= w.length && content.startsWith(w, numberStart - w.length))
    : undefined;
  const quantityStart = numberStart - (pre?.length ?? 0);

  const unit = pct !== undefined ? '%' : unitText;
  // 一大批, 一大片: 大 is an adjective there, not a classifier.
  if (unit === '大' && /[批量片些]/.test(charAt(content, matchEnd))) return undefined;
  // A blank is a number only before a unit (XX万元); Chinese numerals only with a unit or 百分之 (一是, 统一 are words).
  if (blank !== undefined && !mag && !unit && !mid && !mid2) return undefined;
  if (cn !== undefined && !unit && !mag) return undefined;
  const read = readNumber(numberText, arabic !== undefined || blank !== undefined);
  if (!read) return undefined;
  const { decimals, placeholder, zeros } = read;
  const negative = sign !== undefined;
  const number = negative ? -read.number : read.number;

  const info = unit ? UNITS.get(unit) : undefined;
  const scale = (mag ? MAGNITUDES[mag] : 1) * (info?.factor ?? 1);
  const approx = pre ?? mid ?? mid2 ?? post;
  // A whole count (128宗, 36人) is exact; 1.2亿元 or 3910万元 stands for a rounded amount.
  const exact = decimals === 0 && zeros === 0 && !mag && info !== undefined && (isCount(info.family) || info.family === 'people' || info.family === 'visits');
  return {
    start: quantityStart,
    end: matchEnd,
    number,
    value: number * scale,
    half: exact ? 0 : 0.5 * 10 ** (zeros - decimals) * scale,
    decimals,
    unit,
    family: info?.family,
    approx,
    placeholder,
    range: false,
    numberStart,
    numberEnd: digitsStart + numberText.length,
    negative,
  };
}

const RANGE = /^[-－~～—–至到]$/;

/** 4.5-5%, 3至5个: both ends are ranges and the first borrows the second's unit. */
function markRanges(content: string, qs: Quantity[]): void {
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i];
    const b = qs[i + 1];
    if (b.start !== a.end + 1 || !RANGE.test(charAt(content, a.end))) continue;
    a.range = b.range = true;
    if (!a.family && b.family) {
      a.family = b.family;
      a.unit = b.unit;
    }
  }
}
