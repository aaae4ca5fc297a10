import type { Block, Parsed } from '../parse/blocks.js';
import { parseMarkdown, type FrontMatterTitle } from '../parse/markdown.js';
import { sectionStarts } from '../parse/markdown-sections.js';

export { sectionStarts };

/**
 * Markdown for the editor, parsed section by section (see parse/markdown-sections.ts for where a
 * document is cut) so that after an edit only the edited section is parsed again (remark is by far
 * the slowest stage: about 0.5 MB/s on Chinese text). Parsed sections are kept by their text, most
 * recent last; bounded by total length.
 */
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
