import fs from 'node:fs';
import { InputError } from './decode.js';
import { docxToParsed, type DocxText, type Element } from './docx-tree.js';
import { checkSize, readRegularFile } from './read.js';

export { docxToParsed, type DocxText } from './docx-tree.js';

/** A Word document's text and structure; `given` are its bytes when they do not come from `file` (standard input). */
export async function readDocx(file: string, given?: Uint8Array): Promise<DocxText> {
  let bytes: Buffer;
  try {
    if (given) {
      checkSize(given.length);
      bytes = Buffer.from(given.buffer, given.byteOffset, given.byteLength);
    } else {
      bytes = readRegularFile(file);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? new InputError('not-found') : new InputError('unreadable', code ?? (e as Error).message);
  }
  if (bytes.length === 0) throw new InputError('empty');
  const mammoth = (await import('mammoth')).default;
  let tree: Element | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (doc: Element) => {
          tree = doc;
          return doc;
        },
      },
    );
  } catch (e) {
    throw new InputError('bad-docx', (e as Error).message.split('\n')[0]);
  }
  const out = docxToParsed(tree!);
  if (out.text.trim() === '') throw new InputError('empty');
  return out;
}
