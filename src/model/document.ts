import { extractClaims, type ClaimSet } from '../extract/index.js';
import type { Block, Parsed } from '../parse/blocks.js';
import type { SourceFormat, Span } from '../types.js';
import { inferFacts, type DocumentFacts } from './facts.js';
import { scanHeadings, type Heading } from './headings.js';
import { LineIndex } from './line-index.js';
import { splitSentences, type Sentence } from './sentences.js';

export interface Section {
  heading: Heading | null;
  /** 0 for the document root. */
  level: number;
  start: number;
  end: number;
  children: Section[];
}

export interface DocumentModel {
  /** The decoded original text; every span in the model indexes into it. */
  text: string;
  /** `text` with markup masked by spaces (identical for plain text); rules search this. */
  content: string;
  format: SourceFormat;
  paragraphs: Block[];
  sentences: Sentence[];
  headings: Heading[];
  /** Root of the section tree (level 0, the whole document). */
  root: Section;
  facts: DocumentFacts;
  pageMarkers: Span[];
  html: Parsed['html'];
  lines: LineIndex;
  /** Quantities and numeric claims, extracted on first use and shared by every rule. */
  readonly claims: ClaimSet;
}

function buildSections(headings: Heading[], length: number): Section {
  const root: Section = { heading: null, level: 0, start: 0, end: length, children: [] };
  const stack: Section[] = [root];
  for (const h of headings) {
    while (stack.length > 1 && stack[stack.length - 1].level >= h.level) stack.pop()!.end = h.start;
    const section: Section = { heading: h, level: h.level, start: h.start, end: length, children: [] };
    stack[stack.length - 1].children.push(section);
    stack.push(section);
  }
  return root;
}

export function buildModel(text: string, format: SourceFormat, parsed: Parsed): DocumentModel {
  const { headings, pageMarkers } = scanHeadings(parsed.content, parsed.blocks);
  const model = {
    text,
    content: parsed.content,
    format,
    paragraphs: parsed.blocks,
    sentences: splitSentences(parsed.content, parsed.blocks),
    headings,
    root: buildSections(headings, text.length),
    facts: inferFacts(text, parsed.content, parsed.blocks, headings),
    pageMarkers,
    html: parsed.html,
    lines: new LineIndex(text),
  } as DocumentModel;
  let claims: ClaimSet | undefined;
  // Not enumerable: --print-model and JSON dumps show the model, not a derived cache.
  Object.defineProperty(model, 'claims', { get: () => (claims ??= extractClaims(model)), enumerable: false });
  return model;
}
