import { unzipSync, zipSync, type Zippable } from 'fflate';

// Browser-safe: the web page builds the annotated copy with this module too (no node: imports).

export type AnnotateErrorCode = 'encrypted' | 'legacy' | 'macro' | 'not-zip' | 'malformed' | 'too-large';

/** Why a document cannot be annotated; `detail` is for the message (a part name, a size). */
export class AnnotateError extends Error {
  constructor(
    readonly code: AnnotateErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** A .docx package: its parts in their original order, unchanged unless replaced. */
export interface DocxPackage {
  names: string[];
  parts: Map<string, Uint8Array>;
}

/**
 * What a package may expand to. A Word draft is a few MB of XML at most; a ZIP whose parts claim
 * more is refused before it is inflated (a zip bomb declares small sizes, so the inflated total is
 * checked again as parts come out).
 */
const MAX_UNZIPPED = 256 * 1024 * 1024;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** UTF-16LE stream name as it appears in a compound file's directory. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTION_INFO = utf16('EncryptionInfo');

/**
 * Opens a .docx. Word saves a password-protected .docx as a compound file holding the encrypted
 * package (MS-OFFCRYPTO), which is also the container of a Word 97–2003 .doc: both are named here
 * rather than reported as a broken ZIP.
 */
export function openPackage(bytes: Uint8Array): DocxPackage {
  if (startsWith(bytes, CFB_MAGIC)) throw new AnnotateError(contains(bytes, ENCRYPTION_INFO) ? 'encrypted' : 'legacy');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AnnotateError('not-zip');
  const names: string[] = [];
  let declared = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        if (declared > MAX_UNZIPPED) throw new AnnotateError('too-large', `${Math.round(declared / 1048576)} MB`);
        names.push(f.name);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AnnotateError) throw e;
    throw new AnnotateError('malformed', (e as Error).message);
  }
  let total = 0;
  for (const name of names) total += parts[name]?.length ?? 0;
  if (total > MAX_UNZIPPED) throw new AnnotateError('too-large', `${Math.round(total / 1048576)} MB`);
  return { names, parts: new Map(names.map((n) => [n, parts[n]])) };
}

/** Media are stored as they are (already compressed); XML is deflated. */
function level(name: string): 0 | 6 {
  return /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|bin|ttf|odttf|fntdata|mp[34]|wav)$/i.test(name) ? 0 : 6;
}

/** The package again, parts in their original order ([Content_Types].xml first as it came) and new parts last. */
export function writePackage(pkg: DocxPackage): Uint8Array {
  const out: Zippable = {};
  // A fixed modification time keeps the output reproducible.
  const mtime = new Date(1980, 0, 1);
  for (const name of pkg.names) out[name] = [pkg.parts.get(name)!, { level: level(name), mtime }];
  return zipSync(out);
}
