import fs from 'node:fs';
import { InputError } from './decode.js';
import { docxToParsed, type DocxText, type Element } from './docx-tree.js';
import { MAX_FILE_BYTES } from './read.js';

export { docxToParsed, type DocxText } from './docx-tree.js';

export async function readDocx(file: string): Promise<DocxText> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) throw new InputError('too-large', `${(size / 1048576).toFixed(1)} MB > ${MAX_FILE_BYTES / 1048576} MB`);
    bytes = fs.readFileSync(file);
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
