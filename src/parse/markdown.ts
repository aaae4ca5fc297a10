import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { InputError } from '../input/decode.js';
import type { Block, Parsed } from './blocks.js';
import type { frontMatterTitle } from './front-matter.js';
import { assertMarkdownWithinLimits } from './markdown-limits.js';
import { FRONT_MATTER_FENCE, hasDefinitions, sectionStarts } from './markdown-sections.js';

/** Reads the title out of a front matter block (parse/front-matter.ts, which loads a YAML parser). */
export type FrontMatterTitle = typeof frontMatterTitle;

export { FRONT_MATTER_FENCE };

/** Whether the text can open with front matter: only then is the title reader worth loading. */
export function mayHaveFrontMatter(text: string): boolean {
  const eol = text.search(/[\r\n]/);
  return eol > 0 && FRONT_MATTER_FENCE.test(text.slice(0, eol));
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Markdown through remark: paragraphs, headings and table cells become blocks; only the text of
 * `text` nodes counts as content, so emphasis and list markers, code, HTML, link targets and front
 * matter are masked — but the front matter's title, when `titleOf` is given to find it (callers
 * load it when mayHaveFrontMatter: its YAML parser takes some 30 ms to load). Chinese has no
 * italics, so a single-`*` "emphasis" around Chinese text is taken for what it almost always is in
 * a draft: two `*` placeholders (`*镇…完成*亿元`), kept as content.
 */
export function parseMarkdown(text: string, titleOf?: FrontMatterTitle): Parsed {
  assertMarkdownWithinLimits(text);
  const pieces = tablePieces(text, markdownPieces(text));
  if (pieces.length === 1) return parseWhole(text, titleOf);
  const content: string[] = [];
  const blocks: Block[] = [];
  const html: Parsed['html'] = [];
  for (let i = 0; i < pieces.length; i++) {
    const { start, head } = pieces[i];
    const end = pieces[i + 1]?.start ?? text.length;
    // A piece of a table's rows is parsed under the table's header and delimiter rows, which are then dropped.
    const skip = head === undefined ? 0 : head.end - head.start;
    const part = parseWhole(head === undefined ? text.slice(start, end) : text.slice(head.start, head.end) + text.slice(start, end), titleOf);
    const offset = start - skip;
    content.push(skip ? part.content.slice(skip) : part.content);
    for (const b of part.blocks) if (b.start >= skip) blocks.push({ ...b, start: b.start + offset, end: b.end + offset });
    for (const h of part.html) if (h.start >= skip) html.push({ ...h, start: h.start + offset, end: h.end + offset });
  }
  return { content: content.join(''), blocks, html };
}

/** A piece of the document: where it starts and, for a piece of a table's rows, the table's header and delimiter rows. */
interface Piece {
  start: number;
  head?: { start: number; end: number };
}

/** Rows of a table per piece, in characters: parsing a piece costs ~1 ms whatever its size, a row ~20% more in pieces of 4 KB than of 1 KB. */
const TABLE_PIECE_CHARS = 1024;
const PIPE_DELIMITER_ROW = /^\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * micromark's table takes ~25 µs and ~2 KB per character of a table in one piece (100,000 rows:
 * 31 s and 2.4 GB in npm run stress), and a table is one section, never cut. A piece longer than PIECE_CHARS that is one table from its
 * first line (a header row and a delimiter row starting with |, then rows starting with |) is cut
 * between rows (every TABLE_PIECE_CHARS); each further piece is parsed under the table's header and delimiter rows, so its
 * cells parse as in the whole (a row is parsed on its own, with the header's column count). Not in
 * a document with link reference definitions (a cell may use one defined elsewhere).
 */
function tablePieces(text: string, starts: number[]): Piece[] {
  const pieces: Piece[] = [];
  const definitions = starts.length === 1 && hasDefinitions(text);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = starts[i + 1] ?? text.length;
    pieces.push({ start });
    if (end - start <= PIECE_CHARS || definitions || text[start] !== '|') continue;
    const headerEnd = text.indexOf('\n', start);
    const delimiterEnd = headerEnd < 0 ? -1 : text.indexOf('\n', headerEnd + 1);
    if (delimiterEnd < 0 || delimiterEnd >= end || !PIPE_DELIMITER_ROW.test(text.slice(headerEnd + 1, delimiterEnd).replace(/\r$/, ''))) continue;
    const head = { start, end: delimiterEnd + 1 };
    let from = start;
    for (let line = delimiterEnd + 1; line < end && text[line] === '|'; ) {
      if (line - from >= TABLE_PIECE_CHARS) {
        pieces.push({ start: line, head });
        from = line;
      }
      const next = text.indexOf('\n', line);
      if (next < 0) break;
      line = next + 1;
    }
  }
  return pieces;
}

/**
 * remark resolves each setext heading (a line of === or --- under text) by rewriting every event of
 * what it parses: quadratic in a long document. A long document is parsed in pieces of whole
 * sections (cut where the pieces parse as the whole does), each of at most PIECE_CHARS or
 * PIECE_UNDERLINES setext underlines unless one section alone is larger; a section with more than
 * MAX_SECTION_UNDERLINES (headings inside a list or quote, with no blank line between) is refused.
 */
const PIECE_CHARS = 4096;
const PIECE_UNDERLINES = 64;
const MAX_SECTION_UNDERLINES = 512;
const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/gm;

/** Offsets where pieces start (the first is 0). */
function markdownPieces(text: string): number[] {
  const underlines: number[] = [];
  UNDERLINE.lastIndex = 0;
  for (let m = UNDERLINE.exec(text); m; m = UNDERLINE.exec(text)) {
    underlines.push(m.index);
    if (m[0].length === 0) UNDERLINE.lastIndex++;
  }
  if (text.length <= PIECE_CHARS && underlines.length <= PIECE_UNDERLINES) return [0];
  const starts = sectionStarts(text);
  const pieces = [0];
  let u = 0;
  let chars = 0;
  let count = 0;
  for (let i = 0; i < starts.length; i++) {
    const end = starts[i + 1] ?? text.length;
    let own = 0;
    for (; u < underlines.length && underlines[u] < end; u++) own++;
    if (own > MAX_SECTION_UNDERLINES) {
      const line = text.slice(0, starts[i]).split('\n').length;
      throw new InputError('too-complex', `line ${line}: more than ${MAX_SECTION_UNDERLINES} setext heading underlines (=== or ---) in one Markdown block without a blank line; the parser slows down quadratically on them`);
    }
    if (i > 0 && (chars + (end - starts[i]) > PIECE_CHARS || count + own > PIECE_UNDERLINES)) {
      pieces.push(starts[i]);
      chars = 0;
      count = 0;
    }
    chars += end - starts[i];
    count += own;
  }
  return pieces;
}

function parseWhole(text: string, titleOf?: FrontMatterTitle): Parsed {
  let tree: Root;
  try {
    tree = processor.parse(text) as Root;
  } catch (e) {
    // A shape the limits do not foresee must still not crash the run.
    if (e instanceof RangeError) throw new InputError('too-complex', `Markdown parser: ${e.message}`);
    throw e;
  }
  const keep = new Uint8Array(text.length);
  const blocks: Block[] = [];
  const html: Parsed['html'] = [];

  const markText = (start: number, end: number) => keep.fill(1, start, end);
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    // remark-frontmatter's nodes (mdast types know only `yaml`). Front matter is metadata, except
    // its title: that is the page's title line.
    const type: string = node.type;
    if (type === 'yaml' || type === 'toml') {
      const title = titleOf?.(text, start, end, type);
      if (title) {
        markText(title.start, title.end);
        blocks.push({ start: title.start, end: title.end, kind: 'heading', depth: 1 });
      }
      return;
    }
    switch (node.type) {
      case 'text':
        markText(start, end);
        return;
      case 'html':
        html.push({ start, end, value: node.value });
        return;
      case 'code':
      case 'inlineCode':
      case 'definition':
      case 'image':
      case 'imageReference':
        return;
      case 'paragraph':
        blocks.push({ start, end, kind: 'paragraph' });
        break;
      case 'heading':
        blocks.push({ start, end, kind: 'heading', depth: node.depth });
        break;
      case 'tableCell':
        blocks.push({ start, end, kind: 'table-cell' });
        break;
      case 'emphasis':
        if (text[start] === '*' && text[end - 1] === '*' && CJK.test(text.slice(start, end))) {
          keep[start] = 1;
          keep[end - 1] = 1;
        }
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);

  const parts: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || keep[i] !== keep[runStart]) {
      const slice = text.slice(runStart, i);
      parts.push(keep[runStart] ? slice : slice.replace(/[^\r\n]/g, ' '));
      runStart = i;
    }
  }
  // Blocks of a table come out cell by cell inside their row; the model wants document order.
  blocks.sort((a, b) => a.start - b.start);
  return { content: parts.join(''), blocks, html };
}
