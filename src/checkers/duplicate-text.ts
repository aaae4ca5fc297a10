import { isCjkCode } from '../model/chars.js';
import type { Checker } from './types.js';

interface DuplicateTextOptions {
  /** Fewest characters (spaces not counted) a paragraph needs to count as a duplicate. */
  minLength?: number;
}

/** A title-like line (no sentence punctuation) repeated further away than this is structure: a table of contents, an attachment's title. */
const TITLE_DISTANCE = 3;
const SENTENCE_PUNCT = /[。！？；!?;]/;
const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;
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
        const key = SPACE.test(raw) ? raw.replace(SPACES, '') : raw;
        if (key.length < minLength) return;
        const first = seen.get(key);
        seen.set(key, { start: first?.start ?? p.start, index });
        if (!first) return;
        // Whether a text is mostly Chinese is a property of the key: asked of repeats only, not of every paragraph.
        let cjk = 0;
        for (let i = 0; i < key.length; i++) if (isCjkCode(key.charCodeAt(i))) cjk++;
        if (cjk * 2 < key.length) return;
        if (!SENTENCE_PUNCT.test(key)) {
          const previous = index > 0 ? content.slice(paragraphs[index - 1].start, paragraphs[index - 1].end).trim() : '';
          if (index - first.index > TITLE_DISTANCE || ATTACHMENT_LABEL.test(previous)) return;
        }
        const chars = [...key];
        const shown = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : key;
        emit({ start: p.start, end: p.end, evidence: { text: shown, firstLine: model.lines.position(first.start).line } });
      });
    };
  },
};
