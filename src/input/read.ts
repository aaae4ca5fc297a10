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
  checkType(file);
  return decode(readRegularFile(file), encoding);
}

function describe(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  return 'special file';
}

function ioError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? new InputError('not-found') : new InputError('unreadable', code ?? (e as Error).message);
}

/**
 * A regular file's bytes, through one descriptor. Only regular files: a symlink to /dev/zero has
 * size 0 and no end, a FIFO blocks until someone writes (it is opened without blocking, then
 * refused). One byte more than the size is asked for, and the size and time compared after: a file
 * that changed while it was read is refused as such, not decoded half-written.
 */
export function readRegularFile(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw ioError(e);
  }
  try {
    const before = fs.fstatSync(fd);
    if (before.isDirectory()) throw new InputError('unsupported-type', 'directory');
    if (!before.isFile()) throw new InputError('not-regular', describe(before));
    checkSize(before.size);
    const bytes = Buffer.allocUnsafe(before.size + 1);
    let n = 0;
    for (let r = -1; r !== 0 && n < bytes.length; n += r) r = fs.readSync(fd, bytes, n, bytes.length - n, n);
    const after = fs.fstatSync(fd);
    if (n !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new InputError('changed');
    return bytes.subarray(0, n);
  } catch (e) {
    throw ioError(e);
  } finally {
    fs.closeSync(fd);
  }
}
