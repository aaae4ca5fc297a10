import { formatOf } from '../parse/index.js';

export type FileKind = 'text' | 'markdown' | 'docx';

/** How a file is read: Word documents through mammoth, the rest as text or Markdown. */
export function kindOf(file: string): FileKind {
  return /\.docx$/i.test(file) ? 'docx' : formatOf(file);
}
