import chardet from 'chardet';
import { firstInvalidUtf8, invalidShare, lineAt } from './utf8-damage.js';

export type Eol = '\n' | '\r\n' | '\r' | 'mixed' | 'none';

export interface DecodedText {
  text: string;
  /** WHATWG encoding name, e.g. utf-8, utf-16le, gb18030. */
  encoding: string;
  bom: boolean;
  eol: Eol;
}

/** Why a file could not be read as text; the CLI turns the code into a localized one-line message. */
export class InputError extends Error {
  constructor(
    readonly code:
      | 'empty'
      | 'binary'
      | 'undecodable'
      | 'unknown-encoding'
      | 'too-large'
      | 'not-found'
      | 'unreadable'
      | 'unsupported-type'
      | 'too-complex'
      | 'invalid-utf8'
      | 'mixed-encoding'
      | 'bad-docx'
      | 'bad-doc'
      | 'bad-pdf'
      | 'bad-ofd'
      | 'scanned-pdf'
      | 'encrypted'
      | 'not-regular'
      | 'changed'
      | 'outside-tree'
      | 'too-slow',
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function detectEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? '\r\n' : lf ? '\n' : '\r';
}

/** Share of characters that no text document contains: C0 controls other than tab, newline, form feed, carriage return. */
function controlRatio(text: string): number {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1 && n < 64; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function tryDecode(bytes: Uint8Array, encoding: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function finish(text: string, encoding: string, bom: boolean): DecodedText {
  if (text.trim() === '') throw new InputError('empty');
  if (controlRatio(text) > 0.01) throw new InputError('binary');
  return { text, encoding, bom, eol: detectEol(text) };
}

function supported(encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding).encoding;
  } catch {
    return undefined;
  }
}

/** Clearly UTF-8 before the first invalid byte (this many Chinese characters): not a GB18030 file. */
const UTF8_EVIDENCE = 16;

function assertNotDamagedUtf8(bytes: Uint8Array): void {
  const { offset, multibyte } = firstInvalidUtf8(bytes);
  if (offset < 0 || multibyte < UTF8_EVIDENCE) return;
  const where = `byte ${offset}, line ${lineAt(bytes, offset)}`;
  // A few bad sequences in UTF-8 are damage; mostly non-UTF-8 after the point is another encoding.
  throw new InputError(invalidShare(bytes, offset) > 0.05 ? 'mixed-encoding' : 'invalid-utf8', where);
}

/**
 * Bytes → text with the platform's TextDecoder (the same in Node and in the browser). Order: BOM,
 * NUL bytes (binary), strict UTF-8, then GB18030 — the encoding of files saved by Chinese Windows.
 * chardet's guess wins only where it is confident (short texts fool it). `forced` (--encoding) skips
 * detection but still honours and records a matching BOM.
 */
export function decode(bytes: Uint8Array, forced?: string): DecodedText {
  if (bytes.length === 0) throw new InputError('empty');
  const bomHit = BOMS.find(([prefix]) => startsWith(bytes, prefix));

  if (forced) {
    const encoding = supported(forced);
    if (!encoding) throw new InputError('unknown-encoding', forced);
    const bom = !!bomHit && bomHit[1] === encoding;
    const text = tryDecode(bom ? bytes.subarray(bomHit![0].length) : bytes, encoding, false)!;
    return finish(text, encoding, bom);
  }

  if (bomHit) {
    const [prefix, encoding] = bomHit;
    const body = bytes.subarray(prefix.length);
    if (encoding !== 'utf-8' && body.length % 2 !== 0) throw new InputError('undecodable', encoding);
    const text = tryDecode(body, encoding, true);
    if (text === undefined) throw new InputError('undecodable', encoding);
    return finish(text, encoding, true);
  }

  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('binary');

  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== undefined) return finish(utf8, 'utf-8', false);
  assertNotDamagedUtf8(bytes);

  // GB18030 decodes almost any byte sequence, so it is the fallback, not the test: chardet's guess
  // is taken when it is confident and names another encoding the platform can decode.
  let encoding = 'gb18030';
  const guesses = chardet.analyse(bytes.subarray(0, 65536));
  const gbConfidence = guesses.find((g) => supported(g.name) === 'gb18030')?.confidence ?? 0;
  const best = guesses[0];
  const bestName = best && supported(best.name);
  if (bestName && bestName !== 'gb18030' && bestName !== 'utf-8' && best.confidence >= 50 && best.confidence > gbConfidence) {
    encoding = bestName;
  }
  const text = tryDecode(bytes, encoding, false)!;
  if (countReplacements(text) > Math.max(2, text.length / 1000)) throw new InputError('undecodable', encoding);
  return finish(text, encoding, false);
}

/** Text → bytes in the form the file came in (encoding and BOM); used when fixes are written back. */
export async function encode(text: string, encoding: string, bom: boolean): Promise<Uint8Array> {
  const withBom = bom ? `\ufeff${text}` : text;
  if (encoding === 'utf-8') return new TextEncoder().encode(withBom);
  // TextEncoder writes UTF-8 only; iconv-lite (loaded on demand) writes the rest.
  const { default: iconv } = await import('iconv-lite');
  return iconv.encode(withBom, encoding);
}
