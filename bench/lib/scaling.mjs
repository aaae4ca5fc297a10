// The same document at 1×, 4× and 16× its length: the time per byte must not grow with length.
// Two shapes: the document repeated line by line, and flattened into one line (text pasted from a
// PDF or a web page), where per-line work becomes per-document work.

const FACTORS = [1, 4, 16];
/** Time per byte at 16× may exceed that at 1× by this much before the growth is called super-linear. */
export const TOLERANCE = 1.5;

/**
 * `base` is repeated until the 1× document is at least `minChars` long, so that fixed costs per
 * call do not hide the growth.
 */
export async function measureScaling(lintText, rules, base, { minChars = 50_000, runs = 5 } = {}) {
  let unit = base;
  while (unit.length < minChars) unit += `\n${base}`;
  const shapes = {
    lines: (k) => Array(k).fill(unit).join('\n'),
    'one line': (k) => Array(k).fill(unit.replace(/\s*[\r\n]+\s*/g, '')).join(''),
  };
  const out = {};
  for (const [shape, make] of Object.entries(shapes)) {
    const texts = FACTORS.map(make);
    for (const text of texts) await lintText(text, 'text', { rules }); // warm-up at each size
    // Rounds go through every size in turn: a machine whose load drifts slows all sizes alike.
    const best = texts.map(() => Infinity);
    for (let r = 0; r < runs; r++) {
      for (const [i, text] of texts.entries()) {
        const t0 = performance.now();
        await lintText(text, 'text', { rules });
        best[i] = Math.min(best[i], performance.now() - t0);
      }
    }
    const rows = FACTORS.map((factor, i) => ({ factor, chars: texts[i].length, ms: best[i] }));
    const base1 = rows[0];
    const ratios = rows.map((r) => r.ms / base1.ms);
    const perByteGrowth = rows[rows.length - 1].ms / rows[rows.length - 1].chars / (base1.ms / base1.chars);
    out[shape] = {
      rows: rows.map((r, i) => ({ ...r, ms: +r.ms.toFixed(2), ratio: +ratios[i].toFixed(2) })),
      perByteGrowth: +perByteGrowth.toFixed(2),
      linear: perByteGrowth <= TOLERANCE,
    };
  }
  return out;
}
