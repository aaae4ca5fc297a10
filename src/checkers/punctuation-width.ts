import type { Checker } from './types.js';
import { addressSpans, isCjk } from './util.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };
/** Chinese punctuation and quotes count as Chinese context on either side. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/;
const ANY_PUNCT = /[,;:?!.，；：？！。、]/;
const ORDINAL_INSIDE = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}|\d{1,2}|[-－—])[\s\u3000]*$/;
/** Code units of the marks this rule converts: the loop skips every other character cheaply. */
const CANDIDATE = new Uint8Array(128);
for (const c of Object.keys(FULL)) CANDIDATE[c.charCodeAt(0)] = 1;

function chinese(c: string | undefined): boolean {
  return c !== undefined && (isCjk(c) || CJK_PUNCT.test(c));
}

/**
 * Half-width , ; : ? ! . ( ) in Chinese text (GB/T 15834-2011 §3, §4: Chinese punctuation is
 * full-width). A mark counts when Chinese text is on one side of it (for the full stop, before it
 * and the paragraph or Chinese text after it); numbers (1,000, 3.5, 10:30), addresses, Latin
 * phrases, runs of marks (duplicate-punctuation's) and heading ordinals (heading-ordinal-format's)
 * are left alone. Brackets go by pairs: both become full-width when either side or the inside is
 * Chinese. A file typed with half-width marks throughout has hundreds: one finding per paragraph,
 * whose fix converts them all.
 */
export const punctuationWidthChecker: Checker = {
  type: 'punctuation-width',
  compile() {
    return (model, emit) => {
      const { content } = model;
      const skip = new Uint8Array(content.length);
      for (const s of addressSpans(content)) skip.fill(1, s.start, s.end);
      for (const h of model.headings) if (h.ordinal) skip.fill(1, h.ordinal.start, h.ordinal.end);

      for (const p of model.paragraphs) {
        const changes = new Map<number, string>();
        const opens: number[] = [];
        for (let i = p.start; i < p.end; i++) {
          const code = content.charCodeAt(i);
          if (code >= 128 || !CANDIDATE[code] || skip[i]) continue;
          const c = content[i];
          const prev = content[i - 1];
          const next = content[i + 1];
          if (c === '(') {
            opens.push(i);
            continue;
          }
          if (c === ')') {
            const o = opens.pop();
            if (o === undefined) continue;
            const inside = content.slice(o + 1, i);
            // (二) is an ordinal whether or not the model took it for a heading: heading-ordinal-format's.
            if (/[\r\n]/.test(inside) || ORDINAL_INSIDE.test(inside)) continue;
            if (chinese(content[o - 1]) || chinese(next) || /[\u3400-\u9fff]/.test(inside)) {
              changes.set(o, '（');
              changes.set(i, '）');
            }
            continue;
          }
          if ((prev !== undefined && ANY_PUNCT.test(prev)) || (next !== undefined && ANY_PUNCT.test(next))) continue;
          // Look through closing brackets and quotes for the character the mark follows.
          let b = i - 1;
          while (b >= p.start && /[)）”’"]/.test(content[b])) b--;
          const before = content[b];
          if (/[0-9]/.test(before ?? '') && /[0-9]/.test(next ?? '')) continue; // 1,000  3.5  10:30
          if (c === '.') {
            // A full stop only after Chinese, at the paragraph's end or before Chinese text.
            // After a percent sign or a closing bracket or quote a full stop ends a sentence, not a number.
            const afterText = isCjk(before) || /[%％‰)）”’]/.test(content[i - 1] ?? '');
            if (!afterText || !(i + 1 >= p.end || chinese(next) || /\s/.test(next))) continue;
          } else if (!chinese(before) && !chinese(next)) {
            continue;
          }
          if (/[A-Za-z]/.test(before ?? '') && /[A-Za-z ]/.test(next ?? '') && !chinese(next)) continue;
          changes.set(i, FULL[c]);
        }
        if (changes.size === 0) continue;
        const positions = [...changes.keys()].sort((a, b) => a - b);
        const first = positions[0];
        const lastPos = positions[positions.length - 1];
        const chars = [...new Set(positions.map((i) => content[i]))].join(' ');
        let text = '';
        for (let i = first; i <= lastPos; i++) text += changes.get(i) ?? model.text[i];
        emit({ start: first, end: first + 1, evidence: { count: positions.length, chars }, fix: { start: first, end: lastPos + 1, text } });
      }
    };
  },
};
