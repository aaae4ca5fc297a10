import type { LineIndex, Position } from '../model/line-index.js';
import { lastAtOrBefore } from '../model/sorted.js';
import type { Span } from '../types.js';

/**
 * What a report reads of a document's text: where an offset stands, a line's text (code frames,
 * fingerprints), and the text of a span (snippets, fix plans). A LineIndex over the whole text
 * answers for any offset; an excerpt only for the spans it was captured for.
 */
export interface SourceView {
  position(offset: number): Position;
  /** A 1-based line's text without its terminator, and the offset where it starts. */
  line(line: number): { start: number; text: string };
  slice(start: number, end: number): string;
}

/**
 * The lines of a document that its findings and their fixes touch, as plain data: it travels back
 * from a worker thread and into the cache instead of the whole text, so a report from the cache
 * needs neither to read nor to decode the file. Each entry is [line, start offset, text with its
 * terminator], in document order.
 */
export interface ExcerptData {
  lines: Array<[number, number, string]>;
}

/** The lines `spans` touch, from the line of each span's start to the line of its end. */
export function captureExcerpt(index: LineIndex, spans: Iterable<Span>): ExcerptData {
  const wanted = new Set<number>();
  for (const s of spans) {
    const last = index.position(s.end).line;
    for (let l = index.position(s.start).line; l <= last; l++) wanted.add(l);
  }
  const lines = [...wanted].sort((a, b) => a - b).map((l): [number, number, string] => {
    const start = index.lineStart(l);
    return [l, start, index.text.slice(start, index.lineStart(l + 1))];
  });
  return { lines };
}

const isTerminator = (code: number) => code === 10 || code === 13;

export class SourceExcerpt implements SourceView {
  private readonly numbers: number[];
  private readonly starts: number[];
  private readonly texts: string[];

  constructor(data: ExcerptData) {
    this.numbers = data.lines.map((l) => l[0]);
    this.starts = data.lines.map((l) => l[1]);
    this.texts = data.lines.map((l) => l[2]);
  }

  /** Index of the captured line holding `offset` (the last one starting at or before it). */
  private entry(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  position(offset: number): Position {
    if (this.starts.length === 0) return { line: 1, column: offset + 1 };
    const i = this.entry(offset);
    const column = offset - this.starts[i];
    // Just past a line's terminator is column 1 of the next line, as in the full index.
    const text = this.texts[i];
    if (column >= text.length && text.length > 0 && isTerminator(text.charCodeAt(text.length - 1))) {
      return { line: this.numbers[i] + 1, column: column - text.length + 1 };
    }
    return { line: this.numbers[i], column: column + 1 };
  }

  line(line: number): { start: number; text: string } {
    const i = lastAtOrBefore(this.numbers, line);
    if (this.numbers[i] !== line) return { start: 0, text: '' };
    let end = this.texts[i].length;
    while (end > 0 && isTerminator(this.texts[i].charCodeAt(end - 1))) end--;
    return { start: this.starts[i], text: this.texts[i].slice(0, end) };
  }

  slice(start: number, end: number): string {
    if (end <= start || this.starts.length === 0) return '';
    let out = '';
    for (let i = this.entry(start); i < this.starts.length && this.starts[i] < end; i++) {
      const from = Math.max(start, this.starts[i]) - this.starts[i];
      out += this.texts[i].slice(from, end - this.starts[i]);
    }
    return out;
  }
}
