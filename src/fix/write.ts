import fs from 'node:fs';
import path from 'node:path';
import { encode, type DecodedText } from '../input/decode.js';

/** Why a fixed file was not written back; the CLI turns the code into a one-line message. */
export class FixWriteError extends Error {
  constructor(
    readonly code: 'not-lossless' | 'write-failed' | 'file-read-only' | 'owner',
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

/** What writing a fixed file changed besides its text: the hard links it no longer shares. */
export interface WriteNote {
  /** Other names the file had (hard links): the fixed file is a new file, they keep the old text. */
  brokenLinks?: number;
}

/**
 * Writes fixed text back to the file (see encodeFixed). The new content goes to a temporary file in
 * the same folder that is renamed over the original, so a crash never leaves a half-written document.
 * Through a symlink, the target is what is rewritten (the link stays a link). A file without write
 * permission is refused, whoever runs the linter (root may write anything); the new file gets the
 * old one's mode and owner, or is not written when the owner cannot be kept. A rename gives the file
 * a new identity: its other hard links are reported, as they keep the old text.
 */
export async function writeFixed(file: string, decoded: DecodedText, fixed: string): Promise<WriteNote> {
  const failed = (e: unknown) => new FixWriteError('write-failed', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  let target: string;
  let original: Uint8Array;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
    original = fs.readFileSync(target);
  } catch (e) {
    throw failed(e);
  }
  if ((stat.mode & 0o222) === 0 || !writable(target)) throw new FixWriteError('file-read-only');
  const bytes = await encodeFixed(original, decoded, fixed);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.gongwen-fix.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { mode: 0o600, flag: 'wx' });
    // The mode given to open() is masked by the umask: set it exactly.
    fs.chmodSync(tmp, stat.mode & 0o7777);
    const made = fs.statSync(tmp);
    if (made.uid !== stat.uid || made.gid !== stat.gid) {
      try {
        fs.chownSync(tmp, stat.uid, stat.gid);
      } catch {
        throw new FixWriteError('owner', `${stat.uid}:${stat.gid}`);
      }
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e instanceof FixWriteError ? e : failed(e);
  }
  return stat.nlink > 1 ? { brokenLinks: stat.nlink - 1 } : {};
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
