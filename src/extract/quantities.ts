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
/** Arabic digits, half- and full-width (the regex's DIGIT; bit 1 is its HOLE). */
const DIGIT_BIT = 8;
for (const c of '0123456789０１２３４５６７８９') CANDIDATE[c.charCodeAt(0)] |= DIGIT_BIT;
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
const AFTER_GAP = '多余万亿';
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
const QUALIFIER_END = [...new Set(QUALIFIERS.map((w) => w[w.length - 1]))].join('');
const OCR_END = ' \u3000·・';
const OCR_FRAGMENT = /[0-9０-９·・A-Za-z][ \u3000]+$|[·・]$/;

/** Marks of the code unit before a number, tested by code rather than by a one-character string per quantity. */
const BEFORE = new Uint8Array(0x10000);
const OCR_MARK = 1;
const SIGN_MARK = 2;
const QUALIFIER_MARK = 4;
for (const [chars, mark] of [[OCR_END, OCR_MARK], [SIGNS, SIGN_MARK], [QUALIFIER_END, QUALIFIER_MARK]] as const) {
  for (const c of chars) BEFORE[c.charCodeAt(0)] |= mark;
}

const ORDINAL = '第'.charCodeAt(0);
const YUE = '约'.charCodeAt(0);
const POINT = '.'.charCodeAt(0);
const FULL_POINT = '．'.charCodeAt(0);

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

/** The qualifier written just before `numberStart` (约, 超过 …), the first of QUALIFIERS that is. */
function qualifierBefore(content: string, numberStart: number): string | undefined {
  for (const w of QUALIFIERS) if (numberStart >= w.length && content.startsWith(w, numberStart - w.length)) return w;
  return undefined;
}

/** ASCII digits and a point only: the common number, read as is (toAscii and the placeholder test would change nothing). */
function isPlainDecimal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46)) return false;
  }
  return true;
}

/** The digits of a quantity: Arabic (with placeholders) or Chinese; zeros = trailing zeros of a round Chinese figure. */
function readNumber(text: string, arabic: boolean): { number: number; decimals: number; placeholder: boolean; zeros: number } | undefined {
  if (arabic && isPlainDecimal(text)) {
    const dot = text.indexOf('.');
    return { number: Number(text), decimals: dot === -1 ? 0 : text.length - dot - 1, placeholder: false, zeros: 0 };
  }
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
  for (let at = nextCandidate(content, start, end); at < end; at = nextCandidate(content, Math.max(at + 1, next), end)) {
    const kind = CANDIDATE[content.charCodeAt(at)];
    if (kind & CN_NUMERAL) {
      const runEnd = chineseRunEnd(content, at, end);
      if (runEnd !== -1) {
        next = runEnd;
        continue;
      }
    }
    let matchEnd = kind & 1 ? readArabic(content, at, PIECES) : -1;
    let m: ArrayLike<string | undefined> = PIECES;
    if (matchEnd === -1) {
      QUANTITY.lastIndex = at;
      const found = QUANTITY.exec(content);
      if (!found) {
        if (kind & 1) next = afterFailedPlaceholder(content, at, end);
        continue;
      }
      m = found;
      matchEnd = at + found[0].length;
    }
    if (matchEnd > end) break;
    next = matchEnd;
    const q = readQuantity(content, at, matchEnd, m);
    if (q) out.push(q);
  }
  markRanges(content, out);
  shareListUnits(content, out);
  return out;
}

/** The first position in [from, end) that can start a quantity, or `end`: a tight loop, as most characters cannot. */
function nextCandidate(content: string, from: number, end: number): number {
  let i = from;
  while (i < end && (CANDIDATE[content.charCodeAt(i)] & (1 | CN_NUMERAL)) === 0) i++;
  return i;
}

/**
 * What QUANTITY's groups hold for a number read by readArabic (index 0 is unused). Filled in
 * place: most quantities are Arabic, and the regex's match array, with a string per group, cost
 * more than the reading.
 */
const PIECES: Array<string | undefined> = new Array<string | undefined>(10).fill(undefined);
const MIDS = ['多', '余'];
const MAGNITUDE_WORDS = ['万亿', '千万', '百万', '万', '亿'];
const POSTS = ['以上', '左右', '以下', '以内', '上下', '多', '余'];
/** First code units of those words, one bit per list: most numbers are followed by none of them. */
const HEADS = new Uint8Array(0x10000);
const MID_HEADS = 1;
const MAGNITUDE_HEADS = 2;
const POST_HEADS = 4;
for (const [words, bit] of [[MIDS, MID_HEADS], [MAGNITUDE_WORDS, MAGNITUDE_HEADS], [POSTS, POST_HEADS]] as const) {
  for (const w of words) HEADS[w.charCodeAt(0)] |= bit;
}
/** Units by their first code unit, longest first, as QUANTITY's unit alternation tries them. */
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of UNIT_SOURCE.split('|')) {
  const code = u.charCodeAt(0);
  const list = UNITS_BY_FIRST.get(code) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(code, list);
}

/** The unit written at `i` (the longest one), as QUANTITY's unit group reads it. */
function unitAt(content: string, i: number): string | undefined {
  const list = i < content.length ? UNITS_BY_FIRST.get(content.charCodeAt(i)) : undefined;
  if (list) for (const u of list) if (content.startsWith(u, i)) return u;
  return undefined;
}

/** The first of `words` written at `i`, in their order (a regex alternation's choice); `heads` holds their first characters. */
function wordAt(content: string, i: number, words: readonly string[], heads: number): string | undefined {
  if (i >= content.length || !(HEADS[content.charCodeAt(i)] & heads)) return undefined;
  for (const w of words) if (content.startsWith(w, i)) return w;
  return undefined;
}

/** Past GAP at `i`: one space, when a magnitude or a unit follows it. */
function afterGap(content: string, i: number): number {
  const c = i + 1 < content.length ? content.charCodeAt(i) : 0;
  if (c !== 0x20 && c !== 0xa0 && c !== 0x3000) return i;
  return AFTER_GAP.includes(content[i + 1]) || unitAt(content, i + 1) !== undefined ? i + 1 : i;
}

function isDigitAt(content: string, i: number): boolean {
  return i < content.length && (CANDIDATE[content.charCodeAt(i)] & DIGIT_BIT) !== 0;
}

function isHoleAt(content: string, i: number): boolean {
  return i < content.length && (CANDIDATE[content.charCodeAt(i)] & 1) !== 0;
}

/**
 * QUANTITY's match at `at` when its Arabic branch matches, read without the regex: where the match
 * ends, with the groups in `pieces`; -1 when the run of digits and placeholders at `at` holds no
 * digit (then only the regex's other branches can match). Every part after the number is optional,
 * so the regex never backtracks into it: each part is the first alternative written there.
 */
function readArabic(content: string, at: number, pieces: Array<string | undefined>): number {
  // HOLE* DIGIT HOLE*: the whole run of digits and placeholders, if it holds a digit.
  let i = at;
  let digit = false;
  while (isHoleAt(content, i)) {
    if (CANDIDATE[content.charCodeAt(i)] & DIGIT_BIT) digit = true;
    i++;
  }
  if (!digit) return -1;
  // (?:[,，]DIGIT{3}(?!DIGIT))*
  while ((content[i] === ',' || content[i] === '，') && isDigitAt(content, i + 1) && isDigitAt(content, i + 2) && isDigitAt(content, i + 3) && !isDigitAt(content, i + 4)) i += 4;
  // (?:[.．]HOLE+)?
  if ((content[i] === '.' || content[i] === '．') && isHoleAt(content, i + 1)) {
    i += 2;
    while (isHoleAt(content, i)) i++;
  }
  pieces[1] = content.slice(at, i);
  i = afterGap(content, i);
  const mid = (pieces[5] = wordAt(content, i, MIDS, MID_HEADS));
  if (mid) i += mid.length;
  const mag = (pieces[6] = wordAt(content, i, MAGNITUDE_WORDS, MAGNITUDE_HEADS));
  if (mag) i = afterGap(content, i + mag.length);
  const mid2 = (pieces[7] = wordAt(content, i, MIDS, MID_HEADS));
  if (mid2) i += mid2.length;
  const unit = (pieces[8] = unitAt(content, i));
  if (unit) i += unit.length;
  const post = (pieces[9] = wordAt(content, i, POSTS, POST_HEADS));
  if (post) i += post.length;
  return i;
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
function readQuantity(content: string, at: number, matchEnd: number, m: ArrayLike<string | undefined>): Quantity | undefined {
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
  // The code unit before the number (-1 at the start); marks looked up by code, no string made.
  const before = at > 0 ? content.charCodeAt(at - 1) : -1;
  const beforeMarks = before === -1 ? 0 : BEFORE[before];
  // Part of a code or model number (G15, 5G, S*线) or an ordinal (第3个).
  if (isLatin(before) || (matchEnd < content.length && isLatin(content.charCodeAt(matchEnd))) || before === ORDINAL) return undefined;
  if ((arabic || blank) && (before === POINT || before === FULL_POINT)) return undefined;
  // OCR splits numbers (1 0元, 0 · 8％): a digit or a middle dot just before, across spaces, makes this a fragment.
  if ((arabic || blank) && beforeMarks & OCR_MARK && OCR_FRAGMENT.test(content.slice(Math.max(0, at - 4), at))) return undefined;
  // A minus sign, unless it is the dash of a range (4.5-5%).
  const sign = (beforeMarks & SIGN_MARK) !== 0 && !(at >= 2 && CANDIDATE[content.charCodeAt(at - 2)] & DIGIT_BIT);
  const numberStart = at - (sign ? 1 : 0);
  const last = numberStart > 0 ? content.charCodeAt(numberStart - 1) : -1;
  const pre = last !== -1 && BEFORE[last] & QUALIFIER_MARK && !(last === YUE && numberStart >= 2 && WORD_BEFORE_YUE.includes(content[numberStart - 2]))
    ? qualifierBefore(content, numberStart)
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
  const negative = sign;
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
/** What joins the items of a list whose unit is written once, after the last: 4.2、4.1和4.1个百分点. */
const LIST_JOIN = new Uint8Array(0x10000);
for (const c of '、和及与') LIST_JOIN[c.charCodeAt(0)] = 1;

/**
 * 分别提高4.2、4.1和4.1个百分点, 分别为1.2、3.4万元: a figure with no unit, joined to the next of a list
 * whose last figure has one, is in that unit (and that magnitude, when it has none of its own). From
 * the right, so that each item passes the unit on to the one before it.
 */
function shareListUnits(content: string, qs: Quantity[]): void {
  for (let i = qs.length - 2; i >= 0; i--) {
    const a = qs[i];
    if (a.family !== undefined || a.placeholder) continue;
    const b = qs[i + 1];
    if (b.family === undefined || b.start !== a.end + 1 || LIST_JOIN[content.charCodeAt(a.end)] !== 1) continue;
    const factor = UNITS.get(b.unit!)?.factor ?? 1;
    // A magnitude of its own (1.2万、3.4万元) stays; else the last figure's magnitude is meant too.
    const own = a.value !== a.number;
    const scale = own || b.number === 0 ? factor : b.value / b.number;
    a.value *= scale;
    a.half = b.half === 0 && a.decimals === 0 && !own ? 0 : a.half * scale;
    a.unit = b.unit;
    a.family = b.family;
  }
}

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
