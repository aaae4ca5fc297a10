import type { SourceFormat } from '../types.js';
import type { Parsed } from './blocks.js';
import { parsePlainText } from './plaintext.js';

let markdown: typeof import('./markdown.js') | undefined;
let frontMatter: typeof import('./front-matter.js') | undefined;

/**
 * Markdown's parser (remark) is loaded on first use, and the front matter's (YAML) when a document
 * may have front matter: most drafts are plain text, and startup matters.
 */
export async function parse(text: string, format: SourceFormat): Promise<Parsed> {
  return (await parserFor(text, format))(text);
}

/** The parser for `text`, loaded: a synchronous function (the time budget watches synchronous work). */
export async function parserFor(text: string, format: SourceFormat): Promise<(text: string) => Parsed> {
  if (format === 'markdown') {
    const md = (markdown ??= await import('./markdown.js'));
    const titleOf = await frontMatterTitleFor(text);
    return (t) => md.parseMarkdown(t, titleOf);
  }
  return parsePlainText;
}

/** The front matter title reader, loaded when `text` may open with front matter (Markdown only). */
export async function frontMatterTitleFor(text: string): Promise<import('./markdown.js').FrontMatterTitle | undefined> {
  markdown ??= await import('./markdown.js');
  if (markdown.mayHaveFrontMatter(text)) frontMatter ??= await import('./front-matter.js');
  return frontMatter?.frontMatterTitle;
}

export function formatOf(path: string): SourceFormat {
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
}
