import type { Block, Parsed } from './blocks.js';

/** Plain text: every non-blank line is a paragraph (drafts pasted from Word keep one paragraph per line). */
export function parsePlainText(text: string): Parsed {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) blocks.push({ start, end, kind: 'paragraph' });
  }
  return { content: text, blocks, html: [] };
}

/** ASCII whitespace, the ideographic space and the BOM/no-break spaces that pasted text carries. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 12 || c === 11;
}
