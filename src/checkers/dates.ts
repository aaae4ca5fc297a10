import type { Bilingual } from '../rules/definition.js';
import type { Checker, Hit } from './types.js';
import { parseChineseInteger } from '../model/numerals.js';
import { addressSpans } from './util.js';

const MESSAGES: Record<'month' | 'day' | 'weekday' | 'hour', Bilingual> = {
  month: { zh: '日期“{match}”不存在：一年只有12个月', en: 'Date "{match}" does not exist: there are 12 months' },
  day: { zh: '日期“{match}”不存在：{month}月只有{days}天', en: 'Date "{match}" does not exist: month {month} has {days} days' },
  hour: { zh: '时间“{match}”不存在：一天只有24小时、一小时只有60分钟', en: 'Time "{match}" does not exist: a day has 24 hours and an hour 60 minutes' },
  weekday: { zh: '“{match}”的星期有误：该日是星期{actual}', en: '"{match}" gives the wrong weekday: that day is a {actualEn}' },
};

// One pass for every form: 2025年2月30日 (with its weekday), 2025-06-31 / 2025.2.30 / 2025/2/30 (one separator
// throughout; only the day is judged, a code may hold 2025.13.1), and a clock time right after a date (6月30日25时).
// After a dash only a month with its day is a date (6月-9月31日): 1-13月 is a range of months. The checker decides
// that after the match.
// Every alternative starts at a digit, which lets the engine skip to digits: a branch starting elsewhere, or an
// alternation of lookarounds before the first digit, cost 1 to 9 ms per corpus pass.
const DATE =
  /(?<![\d.．／/:])(?:(?<year>(?:19|20)\d{2})\s*年\s*)?(?<month>\d{1,2})\s*月(?:\s*(?<day>\d{1,2})\s*[日号])?(?:\s*[（(]?\s*(?<weekday>(?:星期|周)[一二三四五六日天])\s*[）)]?)?(?:\s*(?<hour>\d{1,2})\s*时(?:\s*(?<minute>\d{1,2})\s*分)?)?|(?<![\w.．／/:-])(?<nYear>(?:19|20)\d{2})(?<sep>[-./])(?<nMonth>0?[1-9]|1[0-2])\k<sep>(?<nDay>\d{1,2})(?![\w.．／/:-])/g;
/**
 * A date in Chinese numerals with its year (二〇二三年二月二十九日): the form of a date line under the title
 * (（二〇二四年十二月二十日在…上）) or above the signature at the end. Read only there, in a bounded head and tail:
 * searched through the whole text it cost a third of the rule.
 */
const CN_DATE = /(?:二[〇○零Ｏ]|一九)[〇○零Ｏ一二三四五六七八九]{2}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}[日号])?/g;
const CN_DATE_PARTS = /^(.{4})年(.+)月(?:(.+)[日号])?$/u;
const EDGE = 300;
const DASH = 0x2d;
const WEEKDAYS = '日一二三四五六';
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The dates in Chinese numerals in the first and last EDGE characters (once where the two overlap). */
function checkChineseDates(text: string, content: string, emit: (hit: Hit) => void): void {
  const spans = content.length <= 2 * EDGE ? [[0, content.length]] : [[0, EDGE], [content.length - EDGE, content.length]];
  for (const [from, to] of spans) {
    const slice = content.slice(from, to);
    CN_DATE.lastIndex = 0;
    for (let m = CN_DATE.exec(slice); m; m = CN_DATE.exec(slice)) {
      const parts = CN_DATE_PARTS.exec(m[0])!;
      const [year, month, day] = [parseChineseInteger(parts[1]), parseChineseInteger(parts[2]), parts[3] ? parseChineseInteger(parts[3]) : null];
      if (year === null || month === null) continue;
      const start = from + m.index;
      const end = start + m[0].length;
      const match = text.slice(start, end);
      if (month === 0 || month > 12) emit({ start, end, message: MESSAGES.month, evidence: { match, month } });
      else if (day !== null && (day === 0 || day > daysIn(month, year))) emit({ start, end, message: MESSAGES.day, evidence: { match, month, days: daysIn(month, year) } });
    }
  }
}

/**
 * Dates that cannot exist (2月30日, 13月, 6月31日; 2月29日 in a common year) and a weekday that
 * contradicts its date. 13个月 and 1—13月 ranges are not dates; a number directly before 月 that
 * continues a range (1-13月) is left alone.
 */
export const datesChecker: Checker = {
  type: 'dates',
  compile() {
    return (model, emit) => {
      const { content } = model;
      checkChineseDates(model.text, content, emit);
      const skip = addressSpans(content);
      const inAddress = (i: number) => skip.some((s) => s.start <= i && i < s.end);
      DATE.lastIndex = 0;
      for (let m = DATE.exec(content); m; m = DATE.exec(content)) {
        const g = m.groups!;
        const start = m.index;
        // After a dash only a month with its day is read (6月-9月31日): a month alone ends a range (1-13月). The search
        // goes on from the next digit, where a date that does not follow the dash may start (A-2025年6月31日 holds 6月31日).
        if (g.nYear === undefined && content.charCodeAt(start - 1) === DASH && (g.year !== undefined || g.day === undefined)) {
          DATE.lastIndex = start + 1;
          continue;
        }
        const end = start + m[0].length;
        if (inAddress(start)) continue;
        const match = model.text.slice(start, end);
        if (g.hour !== undefined && (Number(g.hour) > 24 || (g.minute !== undefined && Number(g.minute) > 59))) {
          emit({ start, end, message: MESSAGES.hour, evidence: { match } });
          continue;
        }
        if (g.nYear !== undefined) {
          const [year, month, day] = [Number(g.nYear), Number(g.nMonth), Number(g.nDay)];
          const days = daysIn(month, year);
          if (day === 0 || day > days) emit({ start, end, message: MESSAGES.day, evidence: { match, month, days } });
          continue;
        }
        const year = g.year ? Number(g.year) : undefined;
        const month = Number(g.month);
        // 1-13月 / 1～13月 are (wrong) ranges, counted by the numbers rules; 13月 alone is a date.
        const before = content.slice(Math.max(0, start - 1), start);
        if (month === 0 || month > 12) {
          if (!/[-—–~～至到]/.test(before) && month < 100) emit({ start, end, message: MESSAGES.month, evidence: { match, month } });
          continue;
        }
        if (!g.day) continue;
        const day = Number(g.day);
        const days = daysIn(month, year);
        if (day === 0 || day > days) {
          emit({ start, end, message: MESSAGES.day, evidence: { match, month, days: month === 2 && year === undefined ? '28/29' : days } });
          continue;
        }
        if (year !== undefined && g.weekday) {
          const actual = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
          const written = WEEKDAYS.indexOf(g.weekday.slice(-1) === '天' ? '日' : g.weekday.slice(-1));
          if (written !== actual) {
            emit({ start, end, message: MESSAGES.weekday, evidence: { match, actual: WEEKDAYS[actual], actualEn: WEEKDAYS_EN[actual] } });
          }
        }
      }
    };
  },
};
