/**
 * A lookup table over UTF-16 code units: 1 for each character of `chars`. Tested by code unit, a
 * character costs no string (indexing a string allocates one per CJK character), and a table read
 * is several times cheaper than a Set lookup; NaN (a read past either end) finds nothing.
 */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Marks that end a sentence: 。！？ and ；, full- and half-width. */
export const SENTENCE_END = codeTable('。！？!?；;');

/** Chinese characters: CJK Unified Ideographs, Extension A and the compatibility block. */
export function isCjkCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** What /\s/ matches: ASCII, ideographic, em/en and no-break spaces, BOM, and the line breaks. */
export const REGEX_SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * Whitespace as pasted documents carry it — what /[\s\u200b]/ matches, zero-width space included —
 * less the line breaks \n and \r.
 */
const SPACE = codeTable(`${REGEX_SPACES.replace(/[\n\r]/g, '')}\u200b`);

export function isSpaceCode(code: number): boolean {
  return SPACE[code] === 1;
}

export function isSpaceChar(c: string | undefined): boolean {
  return c !== undefined && SPACE[c.charCodeAt(0)] === 1;
}
