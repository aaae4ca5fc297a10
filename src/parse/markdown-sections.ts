/**
 * Where a Markdown document can be cut into sections that parse exactly as the whole does: the
 * language server parses section by section (after an edit, only the edited one again), and a long
 * document is parsed in pieces of a few sections (parse/markdown.ts).
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
 *
 * A document is also cut after a setext heading (a line of `=` or `-` in column 0 under lines of
 * plain text, outside any container) and after the end line of an HTML block of types 1–5 outside
 * any container, before a line of plain text: nothing can continue either. remark resolves each setext
 * heading by rewriting every event of what it parses, so a run of them with no blank line between
 * must be cut into pieces to stay linear.
 */

/** A line that opens or closes front matter (remark-frontmatter's fences). */
export const FRONT_MATTER_FENCE = /^(?:---|\+\+\+)[ \t]*$/;

const DEFINITION = /^ {0,3}\[[^\]\r\n]+\]:/m;
/** Starts in column 0 and is not a list item (which may continue the list before the blank line). */
const CUTTABLE = /^(?![ \t]|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))./;
/** A line of text in column 0 that opens no container, table, HTML, code or heading. */
const PLAIN = /^(?![ \t]|[>|<=+*#`~[!-]|\d{1,9}[.)])[^|]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks of CommonMark types 1–5 run until their end marker, across blank lines. */
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Whether the document has link or footnote definitions (which reach across sections). */
export function hasDefinitions(text: string): boolean {
  return DEFINITION.test(text);
}

/** Offsets where sections start (the first is 0). */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  if (DEFINITION.test(text)) return starts;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let frontMatter: string | undefined;
  let previousBlank = false;
  // Non-blank lines since the last blank line or cut, all plain; -1 once one is not.
  let plainLines = 0;
  let underlined = false;
  // The open HTML block started outside any container: its end line ends it for good.
  let htmlFree = false;
  const lineRe = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  for (let m = lineRe.exec(text); m && m[0] !== ''; m = lineRe.exec(text)) {
    const line = m[0].replace(/[\r\n]+$/, '');
    const blank = line.trim() === '';
    const inside = frontMatter !== undefined || htmlEnd !== undefined || fence !== undefined;
    let ended = false;
    if (m.index === 0 && FRONT_MATTER_FENCE.test(line)) {
      frontMatter = line.trim();
    } else if (frontMatter) {
      if (line.trim() === frontMatter) frontMatter = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) {
        htmlEnd = undefined;
        ended = htmlFree;
      }
    } else if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
    } else {
      const afterHeading = underlined && !blank && PLAIN.test(line);
      if ((previousBlank && m.index > 0 && CUTTABLE.test(line) && !FRONT_MATTER_FENCE.test(line)) || afterHeading) starts.push(m.index);
      if (afterHeading) plainLines = 0;
      const open = FENCE.exec(line);
      if (open) fence = open[1];
      else {
        const html = HTML_BLOCKS.find(([start]) => start.test(line));
        if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) {
          htmlEnd = html[1];
          htmlFree = plainLines >= 0;
        } else if (html) ended = plainLines >= 0;
      }
    }
    underlined = (!inside && !blank && plainLines > 0 && SETEXT_UNDERLINE.test(line)) || ended;
    plainLines = blank ? 0 : !inside && plainLines >= 0 && PLAIN.test(line) ? plainLines + 1 : -1;
    previousBlank = blank;
  }
  return starts;
}

