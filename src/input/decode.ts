import chardet from 'chardet';
import iconv from 'iconv-lite';
import { finish, findBom, InputError, looksBinary, strictUtf8, tooManyReplacements, type DecodedText } from './text-bytes.js';

export { detectEol, InputError, type DecodedText, type Eol } from './text-bytes.js';

/** Legacy encodings we accept from chardet's guesses; anything else is treated as GB18030, the Chinese Windows default. */
const LEGACY = new Map([
  ['gb18030', 'gb18030'],
  ['gbk', 'gb18030'],
  ['gb2312', 'gb18030'],
  ['big5', 'big5'],
]);

/**
 * Bytes → text. Order: BOM, NUL bytes (binary), strict UTF-8, then chardet's best legacy guess.
 * `forced` (the --encoding option) skips detection but still honours and records a matching BOM.
 */
export function decode(bytes: Uint8Array, forced?: string): DecodedText {
  if (bytes.length === 0) throw new InputError('empty');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bomHit = findBom(bytes);

  if (forced) {
    if (!iconv.encodingExists(forced)) throw new InputError('unknown-encoding', forced);
    const canonical = forced.toLowerCase().replace(/^utf8$/, 'utf-8');
    const bom = !!bomHit && iconv.decode(Buffer.from(bomHit[0]), forced, { stripBOM: false }) === '\ufeff';
    const body = bom ? buf.subarray(bomHit![0].length) : buf;
    return finish(iconv.decode(body, forced, { stripBOM: false }), canonical, bom);
  }

  if (bomHit) {
    const [prefix, encoding] = bomHit;
    const body = buf.subarray(prefix.length);
    if (encoding === 'utf-8') {
      const text = strictUtf8(body);
      if (text === undefined) throw new InputError('undecodable', 'utf-8');
      return finish(text, encoding, true);
    }
    if (body.length % 2 !== 0) throw new InputError('undecodable', encoding);
    return finish(iconv.decode(body, encoding, { stripBOM: false }), encoding, true);
  }

  if (looksBinary(bytes)) throw new InputError('binary');

  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return finish(utf8, 'utf-8', false);

  const guesses = chardet.analyse(buf.length > 65536 ? buf.subarray(0, 65536) : buf);
  const legacy = guesses.map((g) => LEGACY.get(g.name.toLowerCase())).find(Boolean) ?? 'gb18030';
  const text = iconv.decode(buf, legacy, { stripBOM: false });
  if (tooManyReplacements(text)) throw new InputError('undecodable', legacy);
  return finish(text, legacy, false);
}

/** Text → bytes in the form the file came in (encoding and BOM); used when fixes are written back. */
export function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  const body = iconv.encode(text, encoding);
  if (!bom) return body;
  const mark = iconv.encode('\ufeff', encoding);
  return Buffer.concat([mark, body]);
}
