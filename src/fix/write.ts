import fs from 'node:fs';
import path from 'node:path';
import { encode, type DecodedText } from '../input/decode.js';

/** Why a fixed file was not written back; the CLI turns the code into a one-line message. */
export class FixWriteError extends Error {
  constructor(
    readonly code: 'not-lossless' | 'write-failed',
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The fixed text as bytes in the original's encoding and BOM (line endings are part of the text and
 * stay as they were). Refuses when the original bytes are not what the decoded text encodes to —
 * undecodable bytes read as U+FFFD, or a file changed since it was read — since the result would
 * then change bytes no fix touched.
 */
export async function encodeFixed(original: Uint8Array, decoded: DecodedText, fixed: string): Promise<Uint8Array> {
  if (!sameBytes(await encode(decoded.text, decoded.encoding, decoded.bom), original)) {
    throw new FixWriteError('not-lossless', decoded.encoding);
  }
  return encode(fixed, decoded.encoding, decoded.bom);
}

/**
 * Writes fixed text back to the file (see encodeFixed). The new content goes to a temporary file in
 * the same folder that is renamed over the original, so a crash never leaves a half-written document.
 */
export async function writeFixed(file: string, decoded: DecodedText, fixed: string): Promise<void> {
  let original: Uint8Array;
  try {
    original = fs.readFileSync(file);
  } catch (e) {
    throw new FixWriteError('write-failed', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  const bytes = await encodeFixed(original, decoded, fixed);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.gongwen-fix.tmp`);
  try {
    const { mode } = fs.statSync(file);
    fs.writeFileSync(tmp, bytes, { mode, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new FixWriteError('write-failed', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}
