import { codeTable, isCjkCode, REGEX_SPACES, SENTENCE_END } from '../model/chars.js';
import type { Bilingual } from '../rules/definition.js';
import type { Checker } from './types.js';

const DOUBLED: Bilingual = {
  zh: '本段的后半段与前半段完全重复（同一段文字粘贴了两次）：“{text}”',
  en: 'The second half of this paragraph repeats its first half verbatim (the text was pasted twice): "{text}"',
};

/** The offset in `raw` after its `n`th character that is not a space. */
function afterNonSpace(raw: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (SPACE.test(raw[i])) continue;
    if (++seen === n) return i + 1;
  }
  return raw.length;
}

/** Whether a text is mostly Chinese (not a web footer in Latin script). */
function mostlyChinese(key: string): boolean {
  let cjk = 0;
  for (let i = 0; i < key.length; i++) if (isCjkCode(key.charCodeAt(i))) cjk++;
  return cjk * 2 >= key.length;
}

const shorten = (key: string) => {
  const chars = [...key];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : key;
};

interface DuplicateTextOptions {
  /** Fewest characters (spaces not counted) a paragraph needs to count as a duplicate. */
  minLength?: number;
}

/** A title-like line (no sentence punctuation) repeated further away than this is structure: a table of contents, an attachment's title. */
const TITLE_DISTANCE = 3;
const SENTENCE_PUNCT = /[。！？；!?;]/;
const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;
/** What SPACE matches, by code unit. */
const SPACE_CODE = codeTable(REGEX_SPACES);

/**
 * Whether content[start, end) holds a space. Read by code unit: a regex test of each paragraph cost
 * 3 ms per corpus pass, for the few paragraphs that hold one.
 */
function hasSpace(content: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (SPACE_CODE[content.charCodeAt(i)] === 1) return true;
  return false;
}
const ATTACHMENT_LABEL = /^附件\s*\d*\s*[:：]?$/;

/**
 * A paragraph repeated verbatim — a title pasted twice, a paragraph copied into two sections. Each
 * paragraph's text (spaces removed) is a key of one hash map, so the check is linear in the
 * document; the repeat is reported with the line of its first occurrence. Lines without sentence
 * punctuation repeat legitimately far apart (a table of contents, an attachment that restates its
 * title), so they count only close together; mostly non-Chinese lines (footers) are not compared.
 */
export const duplicateTextChecker: Checker = {
  type: 'duplicate-text',
  compile(rule) {
    const { minLength = 10 } = (rule.options ?? {}) as DuplicateTextOptions;
    return (model, emit) => {
      const seen = new Map<string, { start: number; index: number }>();
      const { paragraphs, content } = model;
      paragraphs.forEach((p, index) => {
        if (p.kind === 'table-cell') return;
        if (p.end - p.start < minLength) return;
        const raw = content.slice(p.start, p.end);
        const key = hasSpace(content, p.start, p.end) ? raw.replace(SPACES, '') : raw;
        if (key.length < minLength) return;
        const first = seen.get(key);
        seen.set(key, { start: first?.start ?? p.start, index });
        if (!first) {
          // One paragraph pasted twice in a row on one line (…站6个。…站6个。): its halves are equal. Only a
          // paragraph whose middle character closes a sentence is compared, so most cost one lookup.
          const half = key.length >> 1;
          if ((key.length & 1) === 0 && half >= minLength && SENTENCE_END[key.charCodeAt(half - 1)] === 1 && key.slice(0, half) === key.slice(half) && mostlyChinese(key)) {
            const cut = p.start + afterNonSpace(raw, half);
            let start = cut;
            while (start < p.end && SPACE.test(content[start])) start++;
            emit({ start, end: p.end, message: DOUBLED, evidence: { text: shorten(key.slice(half)), firstLine: model.lines.position(p.start).line } });
          }
          return;
        }
        // Whether a text is mostly Chinese is a property of the key: asked of repeats only, not of every paragraph.
        if (!mostlyChinese(key)) return;
        if (!SENTENCE_PUNCT.test(key)) {
          const previous = index > 0 ? content.slice(paragraphs[index - 1].start, paragraphs[index - 1].end).trim() : '';
          if (index - first.index > TITLE_DISTANCE || ATTACHMENT_LABEL.test(previous)) return;
        }
        emit({ start: p.start, end: p.end, evidence: { text: shorten(key), firstLine: model.lines.position(first.start).line } });
      });
    };
  },
};
