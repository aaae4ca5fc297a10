/** What a parser hands to the model builder: block-level spans and the checkable content. */

export type BlockKind = 'paragraph' | 'heading' | 'table-cell';

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  /** Markdown heading depth (1–6) for `#` headings. */
  depth?: number;
}

export interface Parsed {
  /**
   * The original text with every character that is markup rather than prose (Markdown markers,
   * code, HTML, link targets) replaced by a space. Same length as the original, so an offset means
   * the same in both; rules search `content` and report spans of the original.
   */
  content: string;
  blocks: Block[];
  /** Markdown HTML nodes (comments carry directives); empty for plain text. */
  html: Array<{ start: number; end: number; value: string }>;
}
