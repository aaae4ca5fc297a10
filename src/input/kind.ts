import { formatOf } from '../parse/index.js';

/** docx: a Word document (OOXML, or what a .docx name holds); office: .doc, .wps, .pdf, .ofd, read by content. */
export type FileKind = 'text' | 'markdown' | 'docx' | 'office';

/** The local file header that opens every ZIP archive, and so every .docx. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * How a file is read: Word documents through mammoth, the rest as text or Markdown. Standard input has
 * no name to go by (`pandoc -t docx | gongwen-lint -`): a ZIP archive there is read as a Word document.
 */
export function kindOf(file: string, bytes?: Uint8Array): FileKind {
  if (/\.docx$/i.test(file)) return 'docx';
  if (/\.(doc|wps|pdf|ofd)$/i.test(file)) return 'office';
  if (bytes && ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'docx';
  return formatOf(file);
}
