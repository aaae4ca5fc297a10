import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Eol = '\n' | '\r\n' | '\r' | 'mixed' | 'none';

export interface DecodedText {
  text: string;
  /** Canonical encoding name as iconv-lite knows it, e.g. utf-8, utf-16le, gb18030. */
  encoding: string;
  bom: boolean;
  eol: Eol;
}

/** Why a file could not be read as text; the CLI turns the code into a localized one-line message. */
export class InputError extends Error {
  constructor(
    readonly code: 'empty' | 'binary' | 'undecodable' | 'unknown-encoding' | 'too-large' | 'not-found' | 'unreadable' | 'unsupported-type' | 'bad-docx',
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

/** Legacy encodings we accept from chardet's guesses; anything else is treated as GB18030, the Chinese Windows default. */
const LEGACY = new Map([
  ['gb18030', 'gb18030'],
  ['gbk', 'gb18030'],
  ['gb2312', 'gb18030'],
  ['big5', 'big5'],
]);

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
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) bad++;
  }
  return sample.length ? bad / sample.length : 0;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function finish(text: string, encoding: string, bom: boolean): DecodedText {
  if (text.trim() === '') throw new InputError('empty');
  if (controlRatio(text) > 0.01) throw new InputError('binary');
  return { text, encoding, bom, eol: detectEol(text) };
}

/**
 * Bytes → text. Order: BOM, NUL bytes (binary), strict UTF-8, then chardet's best legacy guess.
 * `forced` (the --encoding option) skips detection but still honours and records a matching BOM.
 */
export function decode(bytes: Uint8Array, forced?: string): DecodedText {
  if (bytes.length === 0) throw new InputError('empty');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bomHit = BOMS.find(([prefix]) => startsWith(bytes, prefix));

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

  if (buf.subarray(0, 8192).includes(0)) throw new InputError('binary');

  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return finish(utf8, 'utf-8', false);

  const guesses = chardet.analyse(buf.length > 65536 ? buf.subarray(0, 65536) : buf);
  const legacy = guesses.map((g) => LEGACY.get(g.name.toLowerCase())).find(Boolean) ?? 'gb18030';
  const text = iconv.decode(buf, legacy, { stripBOM: false });
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1 && replacements < 64; i = text.indexOf('\ufffd', i + 1)) replacements++;
  if (replacements > Math.max(2, text.length / 1000)) throw new InputError('undecodable', legacy);
  return finish(text, legacy, false);
}

/** Text → bytes in the form the file came in (encoding and BOM); used when fixes are written back. */
export function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  const body = iconv.encode(text, encoding);
  if (!bom) return body;
  const mark = iconv.encode('\ufeff', encoding);
  return Buffer.concat([mark, body]);
}
