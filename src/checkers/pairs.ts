import type { Bilingual } from '../rules/definition.js';
import type { Checker } from './types.js';
import { addressSpans } from './util.js';

const OPEN_TO_CLOSE: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '(': ')', '【': '】', '「': '」', '『': '』', '〔': '〕' };
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));
/** Round brackets match across widths: （一) is a width problem (punctuation-width), not an unclosed one. */
const SAME_FAMILY: Record<string, string> = { ')': '）', '）': '）' };

const MESSAGES: Record<'unclosed' | 'unopened' | 'mismatch', Bilingual> = {
  unclosed: { zh: '“{mark}”在本段中没有对应的“{expected}”', en: '"{mark}" is not closed by "{expected}" within the paragraph' },
  unopened: { zh: '“{mark}”在本段中没有对应的前半个符号', en: '"{mark}" has no opening counterpart within the paragraph' },
  mismatch: { zh: '“{open}”与“{mark}”不配对，应为“{expected}”', en: '"{open}" is closed by "{mark}"; expected "{expected}"' },
};

/** Code units worth a look; everything else is skipped without building a one-character string. */
const INTERESTING = new Uint8Array(0x10000);
for (const c of [...Object.keys(OPEN_TO_CLOSE), ...CLOSERS, '"', '\n', '\r']) INTERESTING[c.charCodeAt(0)] = 1;

/** A list marker such as `1）` or `a)` at a line start closes nothing. */
const LIST_MARKER = /^[\s\u3000]*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$/;

/**
 * Paired punctuation (GB/T 15834-2011 §4.1, §4.9, §4.10, §4.15) balanced within each paragraph: a
 * stack per paragraph; an opening mark left open, a closing mark with nothing to close, and a
 * closing mark of the wrong kind (“六五’, “…") are each reported once.
 */
export const pairsChecker: Checker = {
  type: 'pairs',
  compile() {
    return (model, emit) => {
      const { content } = model;
      const skip = addressSpans(content);
      let si = 0;
      for (const p of model.paragraphs) {
        const stack: Array<{ mark: string; at: number }> = [];
        let lineStart = p.start;
        for (let i = p.start; i < p.end; i++) {
          if (!INTERESTING[content.charCodeAt(i)]) continue;
          const c = content[i];
          if (c === '\n' || c === '\r') {
            lineStart = i + 1;
            continue;
          }
          while (si < skip.length && skip[si].end <= i) si++;
          if (si < skip.length && skip[si].start <= i) continue;
          if (c in OPEN_TO_CLOSE) {
            stack.push({ mark: c, at: i });
          } else if (c === '"') {
            // Straight quotes open and close alike: one closes a straight quote or (wrongly) a “.
            const top = stack[stack.length - 1];
            if (top?.mark === '"') stack.pop();
            else if (top?.mark === '“') {
              stack.pop();
              emit({ start: top.at, end: i + 1, message: MESSAGES.mismatch, evidence: { open: '“', mark: '"', expected: '”' } });
            } else stack.push({ mark: c, at: i });
          } else if (CLOSERS.has(c)) {
            // An apostrophe inside a Latin word (China’s) is not a quotation mark.
            if (c === '’' && /[A-Za-z]/.test(content[i - 1] ?? '') && /[A-Za-z]/.test(content[i + 1] ?? '')) continue;
            const top = stack[stack.length - 1];
            const family = SAME_FAMILY[c] ?? c;
            if (top && (SAME_FAMILY[OPEN_TO_CLOSE[top.mark]] ?? OPEN_TO_CLOSE[top.mark]) === family) {
              stack.pop();
            } else if (top && quoteLike(top.mark) && quoteLike(c)) {
              stack.pop();
              emit({ start: top.at, end: i + 1, message: MESSAGES.mismatch, evidence: { open: top.mark, mark: c, expected: OPEN_TO_CLOSE[top.mark] } });
            } else if (!((c === ')' || c === '）') && i - lineStart <= 6 && LIST_MARKER.test(content.slice(lineStart, i)))) {
              emit({ start: i, end: i + 1, message: MESSAGES.unopened, evidence: { mark: c } });
            }
          }
        }
        for (const open of stack) {
          emit({ start: open.at, end: open.at + 1, message: MESSAGES.unclosed, evidence: { mark: open.mark, expected: OPEN_TO_CLOSE[open.mark] ?? '"' } });
        }
      }
    };
  },
};

function quoteLike(c: string): boolean {
  return c === '“' || c === '‘' || c === '”' || c === '’';
}
