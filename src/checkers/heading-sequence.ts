
import type { Heading } from '../model/headings.js';
import type { Checker } from './types.js';
import { chineseNumeral, walkSections } from './util.js';

/** How an ordinal is written back in a message: in the form the document uses (三、 / （三） / 3. / （3）). */
export function ordinalLabel(h: Heading, value: number): string {
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

/**
 * Ordinals within one level under one parent must count 1, 2, 3 …: a skipped, repeated or
 * backward number is reported at the heading that breaks the run. A run that starts again at 1 is
 * a new list (the livelihood projects of a report, an attachment), not an error.
 */
export const headingSequenceChecker: Checker = {
  type: 'heading-sequence',
  compile() {
    return (model, emit) => {
      walkSections(model.root, (parent) => {
        const last = new Map<number, Heading>();
        for (const child of parent.children) {
          const h = child.heading;
          if (!h?.ordinal) continue;
          const prev = last.get(h.level);
          last.set(h.level, h);
          const value = h.ordinal.value;
          const expected = prev ? prev.ordinal!.value + 1 : 1;
          if (value === expected || value === 1) continue;
          const problem = !prev ? 'missing' : value === prev.ordinal!.value ? 'repeated' : value > expected ? 'skipped' : 'backward';
          emit({
            start: h.ordinal.start,
            end: h.ordinal.end,
            evidence: {
              found: h.ordinal.raw,
              expected: ordinalLabel(h, expected),
              previous: prev ? prev.ordinal!.raw : null,
              problem,
            },
          });
        }
      });
    };
  },
};
