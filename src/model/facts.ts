import type { Block } from '../parse/blocks.js';
import type { DocType, Span } from '../types.js';
import type { Heading } from './headings.js';
import { parseChineseInteger } from './numerals.js';

export interface Period {
  /** As written: 上半年, 1—5月, 第三季度, 全年 … */
  label: string;
  /** First and last month covered. */
  months: [number, number];
  /** False when no period is written and a full year is assumed from a year-only title. */
  explicit: boolean;
}

export interface DocumentFacts {
  title?: Span & { text: string };
  year?: number;
  period?: Period;
  type: DocType;
}

/** Page furniture that scrapers leave above the title. */
const FURNITURE = /^(下载|打印|全屏|收藏|分享[:：]?|首页|>|当前位置[:：]?|您的位置[:：]?|来源[:：].*|【字[体号][:：]?|[大中小]|加大|还原|减小|】|.*记者.*摄|\d{4}-\d{2}-\d{2}.*|[\d年月日时分 :：]+)$/;
/** Breadcrumbs, upload metadata and button rows: a line that opens this way is the site's, whatever follows. */
const FURNITURE_LEAD = /^(?:(?:当前位置|您的位置|您现在的位置|所在位置)[:：]|(?:首页|网站首页|主页)\s*[>＞»›|/]|(?:发布者|发布人|发布时间|发布日期|上传者|作者|来源|信息来源|浏览|浏览次数|阅读次数|访问次数|点击数)[:：]|(?:【[^】\n]{1,4}】\s*){2,}$)/u;
/**
 * A government portal's record of the page (索引号, 发布机构, 成文日期, 主题分类 …), a label alone
 * or with its value, and the value lines it leaves behind (002582550/2024-72380, 2024-03-26, 主动公开).
 */
const PORTAL_RECORD = /^(?:[•·\-*]\s*)?(?:信息)?(?:索引号|公开方式|公开范围|公开时限|公开形式|发布机构|发文机关|发文日期|成文日期|生成日期|组配分类|主题分类|体裁分类|服务对象|文件编码|文号|发文字号|有效性|是否有效)\s*[:：]|^(?:[\w/-]{6,}|主动公开|依申请公开|政务公开|有效|计划总结)$/u;
const DOC_KEYWORDS = /报告|总结|汇报|计划|规划|方案|意见|通知|纲要|要点|打算|设想|安排|办法|决定|通报/;

function findTitle(text: string, content: string, blocks: Block[]): (Span & { text: string }) | undefined {
  const first = blocks[0];
  if (first?.kind === 'heading' && first.depth === 1) {
    return { start: first.start, end: first.end, text: content.slice(first.start, first.end).trim() };
  }
  let candidate: (Span & { text: string }) | undefined;
  // Twelve lines of text are read, however many lines of page furniture come before them.
  let read = 0;
  for (const block of blocks.slice(0, 40)) {
    const line = content.slice(block.start, block.end).trim();
    if (FURNITURE.test(line) || FURNITURE_LEAD.test(line) || PORTAL_RECORD.test(line) || line.length < 4) continue;
    if (++read > 12) break;
    const looksLikeTitle =
      line.length <= 60 &&
      !/[。，,；;：:！？]/.test(line) &&
      !/^(——|--|－－|[（(]?\d{4}年\d{1,2}月)/.test(line) &&
      !/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/.test(line) &&
      /[\u4e00-\u9fff]/.test(line);
    if (looksLikeTitle && DOC_KEYWORDS.test(line)) {
      return { start: block.start, end: block.end, text: line };
    }
    // The first substantive line decides: a title there or no title at all.
    if (!candidate) {
      if (!looksLikeTitle) return undefined;
      candidate = { start: block.start, end: block.end, text: line };
    }
  }
  return candidate;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
const CN_YEAR = /([一二三四五六七八九〇○零]{4})年/;

/** A span of years (行动计划（2021—2023年）): the document is written at its start, not its end. */
const YEAR_SPAN = /((?:19|20)\d{2})\s*(?:年\s*)?[—–\-－~～至到]\s*(?:(?:19|20)\d{2}|\d{2})\s*年/;

function findYear(s: string): number | undefined {
  const span = YEAR_SPAN.exec(s);
  const m = YEAR.exec(s);
  if (span && (!m || span.index <= m.index)) return Number(span[1]);
  if (m) return Number(m[1]);
  const c = CN_YEAR.exec(s);
  if (c) {
    const y = parseChineseInteger(c[1]);
    if (y && y >= 1900 && y < 2100) return y;
  }
  return undefined;
}

const QUARTERS: Record<number, [number, number]> = { 1: [1, 3], 2: [4, 6], 3: [7, 9], 4: [10, 12] };

function findPeriod(s: string): Period | undefined {
  let m: RegExpExecArray | null;
  if ((m = /上半年|下半年/.exec(s))) {
    return { label: m[0], months: m[0] === '上半年' ? [1, 6] : [7, 12], explicit: true };
  }
  if ((m = /前三季度/.exec(s))) return { label: m[0], months: [1, 9], explicit: true };
  if ((m = /(?:第)?([一二三四1-4])季度/.exec(s))) {
    const q = /\d/.test(m[1]) ? Number(m[1]) : parseChineseInteger(m[1])!;
    return { label: m[0], months: QUARTERS[q], explicit: true };
  }
  if ((m = /(\d{1,2})\s*[-—–－~～至到]\s*(\d{1,2})\s*月/.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 1 && b <= 12 && a < b) return { label: m[0], months: [a, b], explicit: true };
  }
  if ((m = /全年|年度/.exec(s))) return { label: m[0], months: [1, 12], explicit: true };
  return undefined;
}

function findType(s: string): DocType | undefined {
  if (/政府工作报告/.test(s)) return 'government-report';
  if (/总结|汇报/.test(s)) return 'summary';
  if (/计划|规划|方案|要点|纲要|打算|设想|安排/.test(s)) return 'plan';
  return undefined;
}

/**
 * Title, year, period and type from the title line, else the first top-level heading (a summary
 * without a title line often opens with `一、上半年工作总结`), else the opening text.
 */
export function inferFacts(text: string, content: string, blocks: Block[], headings: Heading[]): DocumentFacts {
  const title = findTitle(text, content, blocks);
  const firstTop = headings.find((h) => h.level === 1 && h.kind === 'ordinal');
  const opening = content.slice(0, 400);
  const sources = [title?.text, firstTop?.title].filter((s): s is string => !!s);

  // A government report's year is the year it is delivered (its opening date line), not the year it
  // reviews (its first heading); a heading says a document is a summary, but never what else it is.
  let type = title ? findType(title.text) : undefined;
  if (!type && /各位代表/.test(opening)) type = 'government-report';
  if (!type && firstTop && /总结/.test(firstTop.title)) type = 'summary';
  let year = title ? findYear(title.text) : undefined;
  year ??= findYear(opening) ?? (firstTop ? findYear(firstTop.title) : undefined);
  let period: Period | undefined;
  for (const s of sources) period ??= findPeriod(s);
  if (!period && year !== undefined && title && YEAR.test(title.text) && type === 'summary') {
    period = { label: '全年', months: [1, 12], explicit: false };
  }
  return { title, year, period, type: type ?? 'other' };
}
