import { finish, findBom, InputError, looksBinary, strictUtf8, tooManyReplacements, type DecodedText } from './text-bytes.js';

/**
 * Bytes → text with the WHATWG TextDecoder only, for the browser: BOM, NUL bytes (binary), strict
 * UTF-8, then GB18030. Without chardet there is no Big5 guess; GB18030 is what Chinese Windows
 * writes and what the CLI falls back to as well.
 */
export function decodeWeb(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new InputError('empty');
  const bomHit = findBom(bytes);
  if (bomHit) {
    const [prefix, encoding] = bomHit;
    const body = bytes.subarray(prefix.length);
    if (encoding !== 'utf-8' && body.length % 2 !== 0) throw new InputError('undecodable', encoding);
    const text = encoding === 'utf-8' ? strictUtf8(body) : new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    if (text === undefined) throw new InputError('undecodable', encoding);
    return finish(text, encoding, true);
  }
  if (looksBinary(bytes)) throw new InputError('binary');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return finish(utf8, 'utf-8', false);
  const text = new TextDecoder('gb18030').decode(bytes);
  if (tooManyReplacements(text)) throw new InputError('undecodable', 'gb18030');
  return finish(text, 'gb18030', false);
}
