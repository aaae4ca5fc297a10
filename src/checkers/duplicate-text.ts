import type { Checker } from './types.js';

interface DuplicateTextOptions {
  /** Fewest characters (spaces not counted) a paragraph needs to count as a duplicate. */
  minLength?: number;
}

/**
 * A paragraph repeated verbatim — a title pasted twice, a paragraph copied into two sections. Each
 * paragraph's text (spaces removed) is a key of one hash map, so the check is linear in the
 * document; the repeat is reported with the line of its first occurrence.
 */
export const duplicateTextChecker: Checker = {
  type: 'duplicate-text',
  compile(rule) {
    const { minLength = 10 } = (rule.options ?? {}) as DuplicateTextOptions;
    return (model, emit) => {
      const seen = new Map<string, number>();
      for (const p of model.paragraphs) {
        if (p.kind === 'table-cell') continue;
        const key = model.content.slice(p.start, p.end).replace(/[\s\u3000]+/g, '');
        if ([...key].length < minLength) continue;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, p.start);
          continue;
        }
        const shown = key.length > 24 ? `${key.slice(0, 24)}…` : key;
        emit({ start: p.start, end: p.end, evidence: { text: shown, firstLine: model.lines.position(first).line } });
      }
    };
  },
};
