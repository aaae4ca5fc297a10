import type { DocumentModel } from '../model/document.js';
import type { Heading } from '../model/headings.js';
import { parseChineseInteger } from '../model/numerals.js';
import type { Bilingual } from '../rules/definition.js';
import type { Checker, Hit } from './types.js';
import { capped, chineseNumeral, walkSections } from './util.js';

/** Beyond this many breaks the numbering is broken wholesale (OCR, a conversion): say so once. */
const MAX_REPORTED = 10;
const TOO_MANY: Bilingual = {
  zh: '本文标题序号不连续之处过多（共{count}处），以上只列出前{shown}处；请整体核对标题层级和序号',
  en: 'Too many breaks in the heading numbering ({count}); only the first {shown} are listed. Check the headings as a whole',
};

/** How an ordinal is written back in a message: in the form the document uses (三、 / （三） / 3. / （3）). */
function ordinalLabel(h: Heading, value: number): string {
  const o = h.ordinal!;
  const numeral = o.style === 'cn-dun' || o.style === 'cn-paren' ? chineseNumeral(value) : String(value);
  switch (o.style) {
    case 'cn-dun':
      return `${numeral}、`;
    case 'arabic-dot':
      return `${numeral}.`;
    default:
      return `（${numeral}）`;
  }
}

const GAP = '(?:^|[\\r\\n：:])[ \\t\\u3000]*';
const written = new Map<string, RegExp>();

/**
 * The expected ordinal written, in the heading's own form, at a line start between two headings
 * though the model did not take it for a heading (`20.2026年…`). Only the same form counts: the
 * （三） of a lower level is not the missing 三、.
 */
function writtenBetween(content: string, from: number, to: number, h: Heading, value: number): boolean {
  const style = h.ordinal!.style;
  const key = `${style}:${value}`;
  let re = written.get(key);
  if (!re) {
    const numeral = style === 'cn-dun' || style === 'cn-paren' ? chineseNumeral(value) : String(value);
    const body =
      style === 'cn-dun' ? `${numeral}[、.．，,]` :
      style === 'arabic-dot' ? `${numeral}[、.．]` :
      `[（(][ \\t\\u3000]*${numeral}[ \\t\\u3000]*[）)]`;
    re = new RegExp(GAP + body);
    written.set(key, re);
  }
  return re.test(content.slice(from, to));
}

const PART = /^第([一二三四五六七八九十]{1,3})部分/;

interface Part {
  start: number;
  end: number;
  raw: string;
  value: number;
}

/**
 * The parts a document names at the start of a paragraph (第一部分 主要工作): not headings of the
 * model's four levels, but numbered through the document all the same. One test of a character per
 * paragraph; a regex only where a paragraph starts with 第.
 */
function partOrdinals(model: DocumentModel): Part[] {
  const { content } = model;
  const parts: Part[] = [];
  for (const p of model.paragraphs) {
    // By code unit: most paragraphs start with neither a space nor 第, and cost one read.
    let i = p.start;
    let c = content.charCodeAt(i);
    while (i < p.end && (c === 0x20 || c === 0x3000 || c === 0x09)) c = content.charCodeAt(++i);
    if (c !== 0x7b2c) continue;
    const m = PART.exec(content.slice(i, Math.min(p.end, i + 8)));
    const value = m ? parseChineseInteger(m[1]) : null;
    if (m && value) parts.push({ start: i, end: i + m[0].length, raw: m[0], value });
  }
  return parts;
}

/**
 * 第一部分 … 第三部分: a part skipped, repeated or going backwards. A run that starts again at 第一部分 is
 * the body after a table of contents, or an attachment: a new run.
 */
function checkParts(model: DocumentModel, emit: (hit: Hit) => void): void {
  let prev: Part | undefined;
  for (const part of partOrdinals(model)) {
    if (prev && part.value !== 1 && part.value !== prev.value + 1) {
      emit({
        start: part.start,
        end: part.end,
        evidence: {
          found: part.raw,
          expected: `第${chineseNumeral(prev.value + 1)}部分`,
          previous: prev.raw,
          problem: part.value === prev.value ? 'repeated' : part.value > prev.value ? 'skipped' : 'backward',
        },
      });
    }
    prev = part;
  }
}

/** Same-form lists nested deeper than this are not real: older ones are forgotten, keeping the walk linear. */
const MAX_OPEN = 8;

/**
 * Ordinals within one level under one parent must count 1, 2, 3 …: a skipped, repeated or
 * backward number is reported at the heading that breaks the run. A run that starts again at 1 is
 * a new list (the livelihood projects of a report, an attachment), not an error, unless the list it
 * restarts holds a single item and nothing continues the new one (1. then 1. under one （一）); a
 * first ordinal under a new parent may continue the level's numbering from the previous parent, and
 * an ordinal may resume an outer list after an inner list written in the same form (一、二、 then an
 * inner 一、…四、 then 三、, as older reports do).
 */
export const headingSequenceChecker: Checker = {
  type: 'heading-sequence',
  compile() {
    return (model, report) => {
      const { emit, flush } = capped(report, MAX_REPORTED, TOO_MANY);
      // Numbering may also run on through the document across parents (1. 2. under （一）, 3. 4. under （二）).
      const running = new Map<number, number>();
      walkSections(model.root, (parent) => {
        const siblings = parent.children.map((c) => c.heading).filter((h): h is Heading => !!h?.ordinal);
        // The value of the next sibling of the same level, to tell a restarted list from a repeated 1.
        const nextValue: number[] = new Array(siblings.length);
        const seen = new Map<number, number>();
        for (let i = siblings.length - 1; i >= 0; i--) {
          nextValue[i] = seen.get(siblings[i].level) ?? 0;
          seen.set(siblings[i].level, siblings[i].ordinal!.value);
        }
        // Per level, the open lists under this parent, innermost last; each holds its latest heading.
        const lists = new Map<number, Heading[]>();
        siblings.forEach((h, i) => {
          const value = h.ordinal!.value;
          const continued = (running.get(h.level) ?? 0) + 1;
          running.set(h.level, value);
          const open = lists.get(h.level) ?? [];
          lists.set(h.level, open);
          const prev = open[open.length - 1];
          if (value === 1 && prev) {
            if (prev.ordinal!.value !== 1 || nextValue[i] === 2) {
              open.push(h);
              if (open.length > MAX_OPEN) open.shift();
              return;
            }
          } else {
            for (let k = open.length - 1; k >= 0; k--) {
              if (open[k].ordinal!.value + 1 !== value) continue;
              open.length = k;
              open.push(h);
              return;
            }
          }
          if (!prev) {
            open.push(h);
            if (value === 1 || value === continued) return;
          } else {
            open[open.length - 1] = h;
          }
          const expected = prev ? prev.ordinal!.value + 1 : 1;
          if (expected < value && writtenBetween(model.content, prev?.end ?? parent.start, h.start, h, expected)) return;
          emit({
            start: h.ordinal!.start,
            end: h.ordinal!.end,
            evidence: {
              found: h.ordinal!.raw,
              expected: ordinalLabel(h, expected),
              previous: prev ? prev.ordinal!.raw : null,
              problem: !prev ? 'missing' : value === prev.ordinal!.value ? 'repeated' : value > expected ? 'skipped' : 'backward',
            },
          });
        });
      });
      checkParts(model, emit);
      flush();
    };
  },
};
