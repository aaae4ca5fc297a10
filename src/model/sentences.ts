import { codeTable, isSpaceCode, SENTENCE_END } from './chars.js';
import type { Block } from '../parse/blocks.js';

export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

const TRAILING = codeTable('。！？!?；;”’」』"\'）)');
const LF = 10;
const CR = 13;

/**
 * Splits paragraphs into sentences at 。！？；(and their ASCII forms) and line ends. A plain loop
 * over each paragraph: Intl.Segmenter would copy the document once per segment.
 */
export function splitSentences(content: string, paragraphs: Block[]): Sentence[] {
  // Plain loops and a module-level push: closures made per call were compiled again and again.
  const out: Sentence[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const p = paragraphs[index];
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      const c = content.charCodeAt(i);
      if (c === LF || c === CR) {
        push(out, content, start, i, index);
        start = i + 1;
      } else if (SENTENCE_END[c]) {
        let j = i + 1;
        while (j < p.end && TRAILING[content.charCodeAt(j)]) j++;
        push(out, content, start, j, index);
        start = j;
        i = j - 1;
      }
    }
    push(out, content, start, p.end, index);
  }
  return out;
}

function push(out: Sentence[], content: string, start: number, end: number, paragraph: number): void {
  while (start < end && isSpaceCode(content.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(content.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, paragraph });
}
