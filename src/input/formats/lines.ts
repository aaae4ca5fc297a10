/** A run of text placed on a page: its baseline, left edge and font size, in the page's units. */
export interface Placed {
  text: string;
  x: number;
  y: number;
  size: number;
  /** A space a PDF reader inferred from a gap between glyphs: written as U+0000 for the caller to decide. */
  gap?: boolean;
}

/**
 * Text placed on a page → its visual lines, top to bottom, each read left to right. Pieces whose
 * baselines are within half a font size of the line's first piece share the line; `yDown` says whether
 * y grows downwards (OFD) or upwards (PDF). Sorting makes this n log n in the page's pieces.
 */
export function visualLines(pieces: Placed[], yDown: boolean): string[] {
  const sorted = pieces.filter((p) => p.text !== '' || p.gap).sort((a, b) => (yDown ? a.y - b.y : b.y - a.y) || a.x - b.x);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let baseline = NaN;
  for (const p of sorted) {
    if (current.length && Math.abs(p.y - baseline) > Math.max(p.size, current[0].size) / 2) {
      lines.push(current);
      current = [];
    }
    if (!current.length) baseline = p.y;
    current.push(p);
  }
  if (current.length) lines.push(current);
  return lines.map((l) =>
    l
      .sort((a, b) => a.x - b.x)
      .map((p) => (p.gap ? '\u0000' : p.text))
      .join('')
      .replace(/\s+$/, ''),
  );
}
