// Language-server latency: time from an edit (didChange) to the diagnostics for that version, over stdio
// against the built server, for 50 KB plain-text and Markdown documents; and how fast the server
// answers a hover while a slow document is being linted. Run with `npm run bench:lsp` (builds first).
// The documents sit in a workspace with a configuration file (a preset, levels, an override), so each
// lint also resolves the document's configuration, as in a real project.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EDITS = Number(process.env.EDITS ?? 60);
const WARMUP = 10;

/** Deterministic pseudo-random numbers, so every run edits the same places. */
function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const TOWNS = ['青山镇', '河口乡', '东岭街道', '南坪村', '西湖社区'];
const WORKS = ['新建农村公路', '改造危房', '完成植树造林', '新增就业岗位', '调处矛盾纠纷', '培训农民'];
const UNITS = ['公里', '户', '亩', '个', '件', '人次'];

/** A synthetic work report of about `bytes` UTF-8 bytes: ordinal headings, paragraphs with figures, a few placeholders. */
function report(bytes, markdown) {
  const rand = prng(42);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const lines = [markdown ? '# 2024年上半年工作总结' : '2024年上半年工作总结', ''];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    const heading = `${'一二三四五六七八九十'[(section - 1) % 10]}、${pick(WORKS)}工作情况`;
    lines.push(markdown ? `## ${heading}` : heading, '');
    for (let p = 0; p < 6; p++) {
      const n = Math.floor(rand() * 900) + 10;
      const done = Math.floor(n * (0.5 + rand() / 2));
      const rate = ((done / n) * 100).toFixed(1);
      const placeholder = rand() < 0.05 ? 'XX' : String(Math.floor(rand() * 90) + 10);
      const para = `${pick(TOWNS)}${pick(WORKS)}${n}${pick(UNITS)}，其中已完成${done}${pick(UNITS)}，完成率${rate}%，同比增长${placeholder}%。各项工作有序推进，群众满意度进一步提升。`;
      lines.push(markdown && rand() < 0.3 ? `- ${para}` : para, '');
      size += Buffer.byteLength(para) + 2;
    }
  }
  return lines.join('\n');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  max ${s[s.length - 1].toFixed(1)} ms  (n=${s.length})`;
}

function startServer() {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    waiting.get(key)?.(p);
    waiting.delete(key);
  });
  connection.onNotification('window/logMessage', () => {});
  connection.listen();
  const diagnostics = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
  return { child, connection, diagnostics };
}

async function editLatency(server, uri, text, languageId, edits) {
  const lines = text.split('\n');
  const rand = prng(7);
  let version = 1;
  const opened = server.diagnostics(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  await opened;
  const samples = [];
  for (let i = 0; i < edits + WARMUP; i++) {
    // Type a character into a random paragraph line, or delete the one typed before: the document stays 50 KB.
    let line;
    do line = Math.floor(rand() * lines.length);
    while (lines[line].length < 10);
    const character = Math.floor(rand() * lines[line].length);
    const change = i % 2 === 0 ? { range: { start: { line, character }, end: { line, character } }, text: '的' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    version++;
    const started = performance.now();
    const done = server.diagnostics(uri, version);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    if (i >= WARMUP) samples.push(performance.now() - started);
  }
  return samples;
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-bench-'));
fs.mkdirSync(path.join(workspace, 'drafts'));
fs.writeFileSync(
  path.join(workspace, 'gongwen-lint.config.json'),
  JSON.stringify({ extends: 'recommended', rules: { 'no-placeholder': 'warning' }, overrides: [{ files: '*.md', rules: { 'punctuation-width': 'info' } }] }),
);
const uriOf = (name) => pathToFileURL(path.join(workspace, 'drafts', name)).href;

const server = startServer();
await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
await server.connection.sendNotification('initialized', {});

const text = report(50_000, false);
const markdown = report(50_000, true);
// Many drafts converted to Markdown keep 一、 headings as plain paragraphs and have no # at all.
const flat = markdown.replace(/^#+ /gm, '');
console.log(`gongwen-lint lsp: re-lint after an edit, debounce off, ${EDITS} edits after ${WARMUP} warm-up edits`);
console.log(`  plain text ${Buffer.byteLength(text)} bytes: ${summary(await editLatency(server, uriOf('report.txt'), text, 'plaintext', EDITS))}`);
console.log(`  markdown   ${Buffer.byteLength(markdown)} bytes: ${summary(await editLatency(server, uriOf('report.md'), markdown, 'markdown', EDITS))}`);
console.log(`  markdown without # headings ${Buffer.byteLength(flat)} bytes: ${summary(await editLatency(server, uriOf('flat.md'), flat, 'markdown', EDITS))}`);

// Responsiveness: hovers on a small document while a 500 KB Markdown document is being linted.
const small = uriOf('small.txt');
const opened = server.diagnostics(small, 1);
await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: '2024年工作计划\n投资XX万元。\n' } });
await opened;
const big = report(500_000, true);
const bigStarted = performance.now();
const bigDone = server.diagnostics(uriOf('big.md'), 1).then(() => performance.now() - bigStarted);
await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('big.md'), languageId: 'markdown', version: 1, text: big } });
const hovers = [];
let bigMs;
void bigDone.then((ms) => (bigMs = ms));
while (bigMs === undefined && hovers.length < 200) {
  const t0 = performance.now();
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 3 } });
  hovers.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 20));
}
await bigDone;
console.log(`  hover while a ${Buffer.byteLength(big)}-byte Markdown document is linted (${bigMs.toFixed(0)} ms): ${summary(hovers)}`);

await server.connection.sendRequest('shutdown');
await server.connection.sendNotification('exit');
fs.rmSync(workspace, { recursive: true, force: true });
