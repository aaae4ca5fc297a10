/**
 * The next line break of a text from any position on.
 *
 * Most texts break lines with \n alone: those are searched natively. A text that also holds \r (or,
 * when asked, U+2028 or U+2029, which end a line for `^` with the m flag) is walked unit by unit from
 * the position asked. Keeping one pending search per kind of break instead
 * (`if (cr !== -1 && cr < from) cr = text.indexOf('\r', from)`) looked linear but was not: once V8
 * optimized the loop, a text without \r was searched to its end for one at every line (an 800,000-
 * character report took 190 ms to split instead of 0.5).
 */
export class LineBreaks {
  private readonly native: boolean;

  constructor(
    private readonly text: string,
    private readonly separators = false,
  ) {
    this.native = !text.includes('\r') && !(separators && (text.includes('\u2028') || text.includes('\u2029')));
  }

  /** The offset of the first line break at or after `from`; the text's length when none follows. */
  next(from: number): number {
    const { text } = this;
    if (this.native) {
      const i = text.indexOf('\n', from);
      return i === -1 ? text.length : i;
    }
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13 || (this.separators && (c === 0x2028 || c === 0x2029))) return i;
    }
    return text.length;
  }
}
