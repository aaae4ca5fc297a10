import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Code units that are a whole character on their own in a terminal: no combining mark, joiner,
 * variation selector, surrogate, soft hyphen or emoji among them. Ranges, inclusive; the BMP emoji that sit
 * near them (‼ U+203C, Ⓜ U+24C2, 〰 U+3030, 〽 U+303D) are left out on purpose.
 */
const SIMPLE: Array<[number, number]> = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0xff], [0x2010, 0x2027], [0x2030, 0x203b], [0x2160, 0x217f], [0x2460, 0x24b5],
  [0x3000, 0x3029], [0x3031, 0x303c], [0x3041, 0x3096], [0x30a1, 0x30fa], [0x3105, 0x312f],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xff01, 0xff60], [0xffe0, 0xffe6],
];

/** Terminal columns of each simple code unit (1 or 2), 0 for everything else; built on first use (~30,000 lookups) so that runs without a code frame skip it. */
let widths: Uint8Array | undefined;

function widthTable(): Uint8Array {
  if (widths) return widths;
  widths = new Uint8Array(0x10000);
  for (const [from, to] of SIMPLE) for (let c = from; c <= to; c++) widths[c] = eastAsianWidth(c);
  return widths;
}

/** string-width, once some text needed it: loading it (its emoji regex) costs ~25 ms of start-up. */
let stringWidth: ((s: string) => number) | undefined;

/** Thrown by displayWidth for text only string-width can measure, before loadStringWidth(). */
export class StringWidthNeeded extends Error {}

export async function loadStringWidth(): Promise<void> {
  stringWidth ??= (await import('string-width')).default;
}

/**
 * Terminal columns a string takes, as string-width counts them. Code frames measure two short
 * strings per finding; string-width segments every string into graphemes and tests each against
 * the emoji regex, which made the default report slower than linting. Text of simple characters
 * (Chinese, ASCII, CJK punctuation) is summed from a table; anything else goes to string-width,
 * which must have been loaded (StringWidthNeeded otherwise).
 */
export function displayWidth(s: string): number {
  const table = widthTable();
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const w = table[s.charCodeAt(i)];
    if (w === 0) {
      if (!stringWidth) throw new StringWidthNeeded();
      return stringWidth(s);
    }
    width += w;
  }
  return width;
}
