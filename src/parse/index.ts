import type { SourceFormat } from '../types.js';
import type { Parsed } from './blocks.js';
import { parsePlainText } from './plaintext.js';

let markdown: typeof import('./markdown.js') | undefined;

/** Markdown's parser (remark) is loaded on first use: most drafts are plain text, and startup matters. */
export async function parse(text: string, format: SourceFormat): Promise<Parsed> {
  if (format === 'markdown') {
    markdown ??= await import('./markdown.js');
    return markdown.parseMarkdown(text);
  }
  return parsePlainText(text);
}

export function formatOf(path: string): SourceFormat {
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
}
