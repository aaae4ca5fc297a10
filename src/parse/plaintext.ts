import { isSpaceChar } from '../model/chars.js';
import type { Block, Parsed } from './blocks.js';

/** Plain text: every non-blank line is a paragraph (drafts pasted from Word keep one paragraph per line). */
export function parsePlainText(text: string): Parsed {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && isSpaceChar(text[start])) start++;
    while (end > start && isSpaceChar(text[end - 1])) end--;
    if (end > start) blocks.push({ start, end, kind: 'paragraph' });
  }
  return { content: text, blocks, html: [] };
}

