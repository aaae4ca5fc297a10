/** The closest of `known` to `id` within three edits, for "did you mean" (rule ids, command-line options). */
export function nearest(id: string, known: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
    }
    return row[b.length];
  };
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}
