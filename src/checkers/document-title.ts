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
      emit({ start: first.start, end: Math.min(first.end, lineEnd, first.start + 30) });
    };
  },
};
