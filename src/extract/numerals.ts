import { parseChineseInteger } from '../model/numerals.js';

const UNIT_CHARS = /[十拾百佰千仟万亿]/;

/**
 * A Chinese numeral as a quantity: 二十三, 一百零五, 两万五千, 七点九. Digit-by-digit strings of
 * more than one character (一一, 二〇二三) are years or words, not amounts, and are refused.
 */
export function parseChineseNumber(s: string): { value: number; decimals: number } | null {
  const point = s.indexOf('点');
  const whole = point < 0 ? s : s.slice(0, point);
  const fraction = point < 0 ? '' : s.slice(point + 1);
  if (whole.length > 1 && !UNIT_CHARS.test(whole)) return null;
  if (point >= 0 && !fraction) return null;
  const n = parseChineseInteger(whole);
  if (n === null) return null;
  if (!fraction) return { value: n, decimals: 0 };
  const digits = parseChineseInteger(fraction);
  if (digits === null || UNIT_CHARS.test(fraction)) return null;
  return { value: Number(`${n}.${String(digits).padStart(fraction.length, '0')}`), decimals: fraction.length };
}
