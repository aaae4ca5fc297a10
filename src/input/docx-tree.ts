import type { Block, Parsed } from '../parse/blocks.js';
import { isSpaceChar } from '../model/chars.js';

// Kept apart from readDocx (which needs the file system) so that the web page shares it.

/** The parts of mammoth's document tree that carry text (mammoth has no published types for it). */
export interface Element {
  type: string;
  children?: Element[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
}

export interface DocxText {
  /** One line per Word paragraph (table cells' paragraphs included), so line N is paragraph N. */
  text: string;
  parsed: Parsed;
}

const HEADING_STYLE = /^(?:heading|标题)\s*([1-9])$/i;

function headingDepth(p: Element): number | undefined {
  const m = HEADING_STYLE.exec(p.styleName ?? '') ?? HEADING_STYLE.exec(p.styleId ?? '');
  if (m) return Number(m[1]);
  // A numbered (not bulleted) list paragraph is a section heading of its list level: Word's
  // automatic 一、/（一）/1. numbering is not part of the paragraph's text.
  if (p.numbering?.isOrdered) return Number(p.numbering.level) + 1;
  return undefined;
}

function paragraphText(el: Element): string {
  switch (el.type) {
    case 'text':
      return el.value ?? '';
    case 'tab':
      return '\t';
    // A manual line break inside a paragraph: a space keeps paragraph = line.
    case 'break':
      return ' ';
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return '';
    default:
      return (el.children ?? []).map(paragraphText).join('');
  }
}

/** Word paragraphs → text (one line each) and blocks: heading styles and numbered lists become headings. */
export function docxToParsed(document: Element): DocxText {
  const lines: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  const visit = (el: Element, inTable: boolean): void => {
    if (el.type === 'paragraph') {
      const line = paragraphText(el).replace(/[\r\n]/g, ' ');
      let start = offset;
      let end = offset + line.length;
      while (start < end && isSpaceChar(line[start - offset])) start++;
      while (end > start && isSpaceChar(line[end - 1 - offset])) end--;
      if (end > start) {
        const depth = inTable ? undefined : headingDepth(el);
        blocks.push(depth ? { start, end, kind: 'heading', depth } : { start, end, kind: inTable ? 'table-cell' : 'paragraph' });
      }
      lines.push(line);
      offset += line.length + 1;
      return;
    }
    for (const child of el.children ?? []) visit(child, inTable || el.type === 'table');
  };
  visit(document, false);
  const text = lines.join('\n');
  return { text, parsed: { content: text, blocks, html: [] } };
}
