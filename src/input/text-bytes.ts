/**
 * The parts of decoding that need no Node API (no Buffer, iconv-lite or chardet), shared by the
 * CLI's decoder (decode.ts) and the browser's (decode-web.ts).
 */

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
    readonly code: 'empty' | 'binary' | 'undecodable' | 'unknown-encoding' | 'too-large' | 'not-found' | 'unreadable' | 'unsupported-type',
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

export function findBom(bytes: Uint8Array): [number[], string] | undefined {
  return BOMS.find(([prefix]) => prefix.every((b, i) => bytes[i] === b));
}

/** NUL bytes in the first 8 KiB: no text file in a legacy or UTF-8 encoding has them. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
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

/** Too many U+FFFD after a legacy decode means the guess was wrong. */
export function tooManyReplacements(text: string): boolean {
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1 && replacements < 64; i = text.indexOf('\ufffd', i + 1)) replacements++;
  return replacements > Math.max(2, text.length / 1000);
}

export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function finish(text: string, encoding: string, bom: boolean): DecodedText {
  if (text.trim() === '') throw new InputError('empty');
  if (controlRatio(text) > 0.01) throw new InputError('binary');
  return { text, encoding, bom, eol: detectEol(text) };
}
