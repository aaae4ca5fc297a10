const [{ default: ts }, { default: st }] = await Promise.all([import('opencc-js/dict/TSCharacters'), import('opencc-js/dict/STCharacters')]);
for (let k = 0; k < 3; k++) {
const a = performance.now();
const simplified = new Set();
for (const pair of st.split('|')) simplified.add(pair.split(' ')[0]);
const b = performance.now();
const rows = ts.split('|').map((pair) => pair.split(' '));
for (const [, ...targets] of rows) for (const t of targets) simplified.add(t);
const c = performance.now();
const out = rows.filter(([trad]) => !simplified.has(trad)).map(([trad, ...targets]) => ({ wrong: trad, right: targets.join('/'), fix: targets.length === 1 }));
const d = performance.now();
console.log((b - a).toFixed(1), (c - b).toFixed(1), (d - c).toFixed(1), st.split('|').length, rows.length);
}
