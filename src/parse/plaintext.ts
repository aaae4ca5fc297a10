import { isSpaceCode } from '../model/chars.js';
import { LineBreaks } from '../model/line-breaks.js';
import type { Block, Parsed } from './blocks.js';

/** Plain text: every non-blank line is a paragraph (drafts pasted from Word keep one paragraph per line). */
export function parsePlainText(text: string): Parsed {
  const blocks: Block[] = [];
  // Line by line through LineBreaks (a native search for \n): a regex for the runs between breaks
  // made a match and a string of each line.
  const breaks = new LineBreaks(text);
  for (let from = 0; from < text.length; ) {
    const brk = breaks.next(from);
    let start = from;
    let end = brk;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) blocks.push({ start, end, kind: 'paragraph' });
    from = brk + 1;
  }
  return { content: text, blocks, html: [] };
}
