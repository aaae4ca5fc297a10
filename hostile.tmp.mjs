import fs from 'node:fs';
const { lintText, loadRules, decode } = await import('./dist/index.js');
const rules = await loadRules();
const tryIt = async (name, fn) => { const t=performance.now(); try { const r = await fn(); console.log(name, 'ok', r, (performance.now()-t).toFixed(0)+'ms'); } catch (e) { console.log(name, 'ERR', e.constructor.name, e.message.slice(0,150)); } };
for (const depth of [1000, 10000, 100000]) {
  await tryIt('quote'+depth, async () => (await lintText('>'.repeat(depth)+' 一、XX测试\n', 'markdown', {rules})).findings.length);
  await tryIt('list'+depth, async () => (await lintText(Array.from({length: depth}, (_, i) => ' '.repeat(i*2)+'- 项XX').join('\n').slice(0, 5e6), 'markdown', {rules})).findings.length);
  await tryIt('emph'+depth, async () => (await lintText('*'.repeat(depth)+'甲XX'+'*'.repeat(depth), 'markdown', {rules})).findings.length);
  await tryIt('brackets'+depth, async () => (await lintText('['.repeat(depth)+'甲'+']'.repeat(depth)+'(x)', 'markdown', {rules})).findings.length);
}
const utf8 = Buffer.from('一、工作总结\n今年完成投资3亿元。\n'.repeat(50));
const gb = new TextEncoder(); // not gbk
await tryIt('nul', () => decode(Buffer.concat([utf8, Buffer.from([0,0,0]), utf8])).encoding);
await tryIt('nul-late', () => decode(Buffer.concat([utf8.subarray(0,9000), Buffer.alloc(10), utf8])).encoding);
await tryIt('invalid-utf8', () => { const b = Buffer.concat([utf8, Buffer.from([0xff, 0xfe, 0xc3]), utf8]); const d = decode(b); return d.encoding + ' ' + d.text.slice(0,20); });
