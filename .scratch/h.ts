import fs from 'node:fs';
import { parse } from 'yaml';
import { MatchStarts } from '/work/main/src/checkers/match-starts.ts';
const y = parse(fs.readFileSync('/work/main/rules/web-residue.yaml', 'utf8'));
const regexes = y.options.signals.map((s: any) => new RegExp(s.regex, 'muy'));
const ms = new MatchStarts(regexes);
const base = fs.readFileSync('/work/shared/corpus/seed-004.txt', 'utf8');
let unit = base; while (unit.length < 50000) unit += '\n' + base;
for (const k of [1, 4, 16, 1, 4, 16]) {
  const text = Array(k).fill(unit).join('\n');
  let best = Infinity, visits = 0;
  for (let r = 0; r < 5; r++) { visits = 0; const t0 = performance.now(); ms.scan(text, () => { visits++; }); best = Math.min(best, performance.now() - t0); }
  console.log(k, text.length, visits, best.toFixed(1));
}
