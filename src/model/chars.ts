/** Whitespace as pasted documents carry it: ASCII, ideographic, em/en and no-break spaces, BOM, zero-width space. */
const SPACE = /[\s\u200b]/;

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

export function isSpaceChar(c: string | undefined): boolean {
  return c !== undefined && c !== '\n' && c !== '\r' && SPACE.test(c);
}
