import type { Block, Parsed } from '../parse/blocks.js';
import { FRONT_MATTER_FENCE, parseMarkdown, type FrontMatterTitle } from '../parse/markdown.js';

/**
 * Markdown for the editor, parsed section by section so that after an edit only the edited section
 * is parsed again (remark is by far the slowest stage: about 0.5 MB/s on Chinese text).
 *
 * A document is cut before each line that follows a blank line and starts in column 0 without a
 * list marker. Such a line cannot continue what precedes it — a paragraph, list, block quote, table
 * or indented code ends at the blank line or at the unindented line — so the sections parse exactly
 * as the whole does, except inside a fenced code block or a multi-line HTML block, which the cutter
 * tracks and never cuts. A list item after a blank line may continue its list, so is not cut either.
 * Link and footnote definitions reach across the whole document: a document with any of them is
 * parsed whole. Front matter (--- or +++ fences) is parsed only at the start of what is parsed, so
 * the cutter never cuts inside the document's front matter, nor before a fence line, which at the
 * start of a section could open front matter that is none in the whole.
 */

const DEFINITION = /^ {0,3}\[[^\]\r\n]+\]:/m;
/** Starts in column 0 and is not a list item (which may continue the list before the blank line). */
const CUTTABLE = /^(?![ \t]|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))./;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks of CommonMark types 1–5 run until their end marker, across blank lines. */
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Offsets where sections start (the first is 0). */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  if (DEFINITION.test(text)) return starts;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let frontMatter: string | undefined;
  let previousBlank = false;
  const lineRe = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  for (let m = lineRe.exec(text); m && m[0] !== ''; m = lineRe.exec(text)) {
    const line = m[0].replace(/[\r\n]+$/, '');
    const blank = line.trim() === '';
    if (m.index === 0 && FRONT_MATTER_FENCE.test(line)) {
      frontMatter = line.trim();
    } else if (frontMatter) {
      if (line.trim() === frontMatter) frontMatter = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
    } else {
      if (previousBlank && m.index > 0 && CUTTABLE.test(line) && !FRONT_MATTER_FENCE.test(line)) starts.push(m.index);
      const open = FENCE.exec(line);
      if (open) fence = open[1];
      else {
        const html = HTML_BLOCKS.find(([start]) => start.test(line));
        if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = html[1];
      }
    }
    previousBlank = blank;
  }
  return starts;
}

/** Parsed sections by their text, most recent last; bounded by total length. */
export class MarkdownSections {
  private readonly cache = new Map<string, Parsed>();
  private cachedChars = 0;

  constructor(private readonly maxChars = 4_000_000) {}

  /** `titleOf` reads a front matter title (see parseMarkdown); give it whenever it is loaded. */
  parse(text: string, titleOf?: FrontMatterTitle): Parsed {
    const starts = sectionStarts(text);
    const content: string[] = [];
    const blocks: Block[] = [];
    const html: Parsed['html'] = [];
    for (let i = 0; i < starts.length; i++) {
      const offset = starts[i];
      const part = this.section(text.slice(offset, starts[i + 1] ?? text.length), titleOf);
      content.push(part.content);
      for (const b of part.blocks) blocks.push({ ...b, start: b.start + offset, end: b.end + offset });
      for (const h of part.html) html.push({ ...h, start: h.start + offset, end: h.end + offset });
    }
    return { content: content.join(''), blocks, html };
  }

  private section(text: string, titleOf: FrontMatterTitle | undefined): Parsed {
    let parsed = this.cache.get(text);
    if (parsed) {
      this.cache.delete(text);
    } else {
      parsed = parseMarkdown(text, titleOf);
      this.cachedChars += text.length;
    }
    this.cache.set(text, parsed);
    for (const [key] of this.cache) {
      if (this.cachedChars <= this.maxChars) break;
      this.cache.delete(key);
      this.cachedChars -= key.length;
    }
    return parsed;
  }
}
