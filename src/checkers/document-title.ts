import type { Checker } from './types.js';

/** Fewer paragraphs than this are a snippet (a pasted passage, an editor selection), not a document. */
const MIN_PARAGRAPHS = 3;

/** A document without a title line (the model's title inference found none); reported at its first line. */
export const documentTitleChecker: Checker = {
  type: 'document-title',
  compile() {
    return (model, emit) => {
      if (model.facts.title || model.paragraphs.length < MIN_PARAGRAPHS) return;
      const first = model.paragraphs[0];
      if (!first) return;
      // A Markdown paragraph after CRLF may start on the line break's \n: report from its first character.
      let start = first.start;
      while (start < first.end && (model.text[start] === '\n' || model.text[start] === '\r')) start++;
      const lineEnd = model.lines.lineSpan(model.lines.position(start).line).end;
      let end = Math.max(start, Math.min(first.end, lineEnd, start + 30));
      // Never end between the two halves of a surrogate pair (an emoji, a rare CJK character).
      if (end < first.end && /[\ud800-\udbff]/.test(model.text[end - 1])) end++;
      emit({ start, end });
    };
  },
};
