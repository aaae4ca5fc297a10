import { InputError } from '../input/decode.js';

/**
 * remark (micromark) recurses once per container level and resolves emphasis and link brackets
 * per paragraph in super-linear time: 8,000 nested `>` overflow the stack, a 24 KB paragraph of
 * unmatched `[` takes seconds. No draft comes near these limits; a file that does is refused with a
 * one-line message (the other files are still linted) rather than crash or stall the run.
 */
const MAX_CONTAINER_DEPTH = 64;
const MAX_MARKERS_PER_PARAGRAPH = 2000;

// Container openers at a line start: block quotes and list items, possibly several on one line.
const OPENERS = /^(?:[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+))+/;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/;
const MARKERS = /[*_[\]<`~]/g;

function columns(indent: string): number {
  let n = 0;
  for (const c of indent) n += c === '\t' ? 4 - (n % 4) : 1;
  return n;
}

export function assertMarkdownWithinLimits(text: string): void {
  const lines = /[^\r\n]*/g;
  let line = 0;
  let markers = 0;
  let paragraphLine = 1;
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    // Step over the line end ('\r\n' counts once): the next match starts on the next line.
    const next = m.index + m[0].length;
    lines.lastIndex = text.startsWith('\r\n', next) ? next + 2 : next + 1;
    line++;
    const s = m[0];
    const opened = OPENERS.exec(s)?.[0] ?? '';
    const quotes = opened.split('>').length - 1;
    const items = opened.match(/(?:[-*+]|\d{1,9}[.)])[ \t]/g)?.length ?? 0;
    // Nested list items need two more columns each: deep indentation before an item is depth too.
    const indent = LIST_ITEM.exec(s)?.[1];
    const depth = quotes + items + (indent ? Math.floor(columns(indent) / 2) : 0);
    if (depth > MAX_CONTAINER_DEPTH) {
      throw new InputError('too-complex', `line ${line}: Markdown nested more than ${MAX_CONTAINER_DEPTH} levels deep`);
    }
    if (s.trim() === '') {
      markers = 0;
      paragraphLine = line + 1;
    } else {
      markers += s.match(MARKERS)?.length ?? 0;
      if (markers > MAX_MARKERS_PER_PARAGRAPH) {
        throw new InputError('too-complex', `line ${paragraphLine}: a paragraph with more than ${MAX_MARKERS_PER_PARAGRAPH} Markdown markers (* _ [ ] < \` ~)`);
      }
    }
    if (next >= text.length) break;
  }
}
