import type { LineIndex } from '../../src/model/line-index.js';
import type { Finding, Level } from '../../src/types.js';

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/**
 * The document line by line (numbered), with every visible finding as a <mark>. Overlapping
 * findings split into segments; a segment takes the colour of its most severe finding and lists
 * all of them in data-findings so that a click can select any.
 */
export function renderAnnotated(text: string, lines: LineIndex, findings: ReadonlyArray<{ finding: Finding; index: number }>): DocumentFragment {
  const frag = document.createDocumentFragment();
  const sorted = [...findings].sort((a, b) => a.finding.start - b.finding.start);
  let next = 0;
  let open: typeof sorted = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const { start, end } = lines.lineSpan(line);
    while (next < sorted.length && sorted[next].finding.start <= end) open.push(sorted[next++]);
    open = open.filter(({ finding: f }) => f.end > start || (f.start === f.end && f.start >= start));
    const here = open;

    const row = document.createElement('div');
    row.className = 'line';
    const number = document.createElement('span');
    number.className = 'ln';
    number.textContent = String(line);
    number.setAttribute('aria-hidden', 'true');
    const body = document.createElement('span');
    body.className = 'tx';
    row.append(number, body);

    const cuts = new Set([start, end]);
    for (const { finding: f } of here) {
      cuts.add(Math.min(Math.max(f.start, start), end));
      cuts.add(Math.min(Math.max(f.end, start), end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length; i++) {
      const a = points[i];
      // Zero-length findings (an insertion point) get an empty mark of their own.
      for (const { finding: f, index } of here) if (f.start === f.end && f.start === a) body.append(mark('', [index], f.level, f.message));
      if (i === points.length - 1) break;
      const b = points[i + 1];
      const covering = here.filter(({ finding: f }) => f.start < b && f.end > a);
      const segment = text.slice(a, b);
      if (covering.length === 0) {
        body.append(segment);
        continue;
      }
      covering.sort((x, y) => RANK[x.finding.level] - RANK[y.finding.level] || x.finding.start - y.finding.start);
      const first = covering[0].finding;
      body.append(mark(segment, covering.map((c) => c.index), first.level, covering.map((c) => c.finding.message).join('\n')));
    }
    if (body.childNodes.length === 0) body.append('\u200b');
    frag.append(row);
  }
  return frag;
}

function mark(text: string, indices: number[], level: Level, title: string): HTMLElement {
  const m = document.createElement('mark');
  m.className = `hit hit-${level}${text === '' ? ' point' : ''}`;
  m.dataset.findings = indices.join(' ');
  if (title) m.title = title;
  m.textContent = text;
  return m;
}
