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
      const lineEnd = model.lines.lineSpan(model.lines.position(first.start).line).end;
      // A paragraph may start on a line terminator's second half (\r|\n): the line's end is then before it.
      let end = Math.min(first.end, lineEnd > first.start ? lineEnd : first.end, first.start + 30);
      // Never end between the two halves of a surrogate pair (an emoji, a rare CJK character).
      if (end < first.end && /[\ud800-\udbff]/.test(model.text[end - 1])) end++;
      emit({ start: first.start, end });
    };
  },
};
