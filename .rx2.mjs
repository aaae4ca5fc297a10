import fs from 'node:fs'; import path from 'node:path';
import { parseRegExpLiteral } from '@eslint-community/regexpp';
import yaml from 'yaml';
const m = await import('/work/wt-perf/dist/index.js');
const corpus = '/work/shared/corpus';
const docs = fs.readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f)).map((f) => ({ f, text: m.decode(fs.readFileSync(path.join(corpus, f))).text }));
const rule = process.argv[2] ?? 'web-residue';
const doc = yaml.parse(fs.readFileSync(`rules/${rule}.yaml`, 'utf8'));
function lits(re) { const out = []; for (const alt of parseRegExpLiteral(re).pattern.alternatives) { let best = '', run = ''; for (const e of alt.elements) { if (e.type === 'Character') { run += String.fromCodePoint(e.value); if (run.length > best.length) best = run; } else run = ''; } if (best.length < 2) return []; out.push(best); } return out; }
const pats = doc.options.patterns.map((p) => { const re = new RegExp(p.regex, 'gmu'); return { re, lits: p.literals ?? lits(re) }; });
const tot = new Array(pats.length).fill(0); const per = new Map(); const runs = new Array(pats.length).fill(0);
for (let r = 0; r < 8; r++) for (const d of docs) pats.forEach(({ re, lits }, i) => { if (lits.length && !lits.some((l) => d.text.includes(l))) return; const t0 = performance.now(); re.lastIndex = 0; let n = 0; while (re.exec(d.text)) n++; const t = performance.now() - t0; if (r >= 4) { tot[i] += t / 4; if (r===4) runs[i]++; const k = i + ' ' + d.f; per.set(k, (per.get(k) ?? 0) + t / 4); } });
console.log(tot.map((t, i) => i + ': ' + t.toFixed(2) + ' docs ' + runs[i] + ' ' + pats[i].lits.slice(0,3).join(',')).join('\n'));
console.log('sum', tot.reduce((a,b)=>a+b,0).toFixed(2));
console.log([...per].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, t]) => t.toFixed(2) + ' ' + k).join('\n'));
