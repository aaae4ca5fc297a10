import fs from 'node:fs';
import { decode, InputError, type DecodedText } from './decode.js';

/** Larger files are refused with a message rather than read into memory. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export function readDocument(file: string, encoding?: string): DecodedText {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError('unsupported-type', 'directory');
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? new InputError('not-found') : new InputError('unreadable', code ?? (e as Error).message);
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError('too-large', `${(size / 1048576).toFixed(1)} MB > ${MAX_FILE_BYTES / 1048576} MB`);
  }
  if (/\.(docx?|pdf|wps|xlsx?|pptx?)$/i.test(file)) throw new InputError('unsupported-type', file.replace(/^.*\./, '.'));
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new InputError('unreadable', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  return decode(bytes, encoding);
}
