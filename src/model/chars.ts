/** Whitespace as pasted documents carry it: ASCII, ideographic, em/en and no-break spaces, BOM, zero-width space. */
const SPACE = /[\s\u200b]/;

export function isSpaceChar(c: string | undefined): boolean {
  return c !== undefined && c !== '\n' && c !== '\r' && SPACE.test(c);
}
