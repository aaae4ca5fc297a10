import type { Parsed } from '../parse/blocks.js';
import type { Span } from '../types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive extends Span {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** Text after `--` (or `——`): why the finding is accepted; SARIF carries it. */
  justification?: string;
  /** A plain-text marker line rather than an HTML comment (its line is not part of the document). */
  marker: boolean;
}

const PREFIX = 'gongwen-lint-';
/** Markdown: `<!-- gongwen-lint-disable-next-line rule-a, rule-b -- reason -->`. */
const COMMENT = /^<!--\s*gongwen-lint-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*?)-->\s*$/;
/**
 * Plain text and Word: a paragraph of its own, `【gongwen-lint-disable-next-line rule-a】`, with
 * full- or half-width brackets, as a Word user can type it.
 */
const MARKER = /^[ \t\u3000]*[【[][ \t\u3000]*gongwen-lint-(disable-next-line|disable|enable)(?![\w-])([^】\]\r\n]*)[】\]][ \t\u3000]*$/gm;

function body(kind: string, rest: string, span: Span, marker: boolean): Directive {
  const [list, ...why] = rest.split(/\s--\s|——|\s--$/);
  const justification = why.join(' ').trim();
  return {
    ...span,
    kind: kind as DirectiveKind,
    rules: list.split(/[\s,，、]+/).filter(Boolean),
    ...(justification && { justification }),
    marker,
  };
}

/**
 * Finds suppression directives and takes marker paragraphs out of the checked text: their
 * characters are masked in `content` and their blocks dropped, so no rule, title or heading
 * inference sees them. Offsets are unchanged.
 */
export function extractDirectives(text: string, parsed: Parsed): { parsed: Parsed; directives: Directive[] } {
  const directives: Directive[] = [];
  for (const node of parsed.html) {
    const m = COMMENT.exec(node.value);
    if (m) directives.push(body(m[1], m[2], { start: node.start, end: node.end }, false));
  }
  if (!text.includes(PREFIX)) return { parsed, directives };

  const masked: Span[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(parsed.content); m; m = MARKER.exec(parsed.content)) {
    const span = { start: m.index, end: m.index + m[0].length };
    directives.push(body(m[1], m[2], span, true));
    masked.push(span);
  }
  if (masked.length === 0) return { parsed, directives };
  directives.sort((a, b) => a.start - b.start);
  let content = '';
  let from = 0;
  for (const s of masked) {
    content += parsed.content.slice(from, s.start) + ' '.repeat(s.end - s.start);
    from = s.end;
  }
  content += parsed.content.slice(from);
  const inside = (b: Span) => masked.some((s) => b.start >= s.start && b.end <= s.end);
  return { parsed: { ...parsed, content, blocks: parsed.blocks.filter((b) => !inside(b)) }, directives };
}
