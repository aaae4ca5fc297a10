import fs from 'node:fs';
import { decode, InputError, type DecodedText } from './decode.js';

/**
 * Larger files are refused with a message rather than read into memory. Linting holds many times a
 * file's size — the text, its model, and above all the findings and the report: a 50 MB file of
 * repeated report text takes 12 s and 2.2 GB peak RSS with the 29 default rules (npm run stress).
 * 32 MB of Chinese text is some thirty times the longest government report, so a larger file is
 * almost always a mistake (a log, an export). GONGWEN_LINT_MAX_FILE_MB raises the limit for one run
 * (an environment variable, so that worker threads see it too).
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

function maxFileBytes(): number {
  const mb = Number(process.env.GONGWEN_LINT_MAX_FILE_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : MAX_FILE_BYTES;
}

/** Refuses a document larger than the limit before anything is done with it. */
export function checkSize(size: number): void {
  const max = maxFileBytes();
  if (size > max) throw new InputError('too-large', `${(size / 1048576).toFixed(1)} MB > ${max / 1048576} MB`);
}

/** Office and PDF files are not text: their bytes would decode to noise. */
function checkType(file: string): void {
  if (/\.(docx?|pdf|wps|xlsx?|pptx?)$/i.test(file)) throw new InputError('unsupported-type', file.replace(/^.*\./, '.'));
}

/**
 * A text document's bytes, decoded. `bytes` are given when the document does not come from the
 * file (standard input); `file` is then only its name.
 */
export function readDocument(file: string, encoding?: string, bytes?: Uint8Array): DecodedText {
  if (bytes) {
    checkSize(bytes.length);
    checkType(file);
    return decode(bytes, encoding);
  }
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
  checkSize(size);
  checkType(file);
  let read: Uint8Array;
  try {
    read = fs.readFileSync(file);
  } catch (e) {
    throw new InputError('unreadable', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  return decode(read, encoding);
}
