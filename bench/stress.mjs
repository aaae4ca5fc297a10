// npm run stress [-- --files N] [--only big,line,files,broken,hostile] — the heavy hostile inputs, through the built CLI, each in a fresh
// temporary folder: a 50 MB file (refused by default, then linted with the limit raised), one 5 MB
// line, N tiny files (default 100,000), deeply nested Markdown and broken encodings among good
// files, hostile text (runs of digits, X, *, addresses, 10^5 directives, setext headings, a long
// table, a 其中 list) each against a normal document of its size, a symlink to /dev/zero, a FIFO. Prints time, peak RSS, exit status and the CLI's messages; figures go to
// bench/stress-results.json. Every case must end with a message or a report, never a crash.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { round, timeNode } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { files: { type: 'string' }, only: { type: 'string' } } });
/** --only big,line,files,broken,hostile: run those sections only. */
const want = (section) => !opts.only || opts.only.split(',').includes(section);
const TINY_FILES = Number(opts.files ?? 100_000);
const bin = path.join(root, JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).bin['gongwen-lint']);

// Written for this script (not corpus text): a paragraph with headings, numbers and a placeholder.
const PARAGRAPH = [
  '一、主要工作完成情况',
  '（一）项目建设。全年实施重点项目24个，完成投资15.6亿元，同比增长8.2%，完成年度计划的103.5%。',
  '（二）民生事业。新增城镇就业1,200人，改造农村公路36公里，办理群众诉求580件，办结率98.6%。',
  '二、存在的问题',
  '部分项目推进缓慢，XX项目尚未开工，资金缺口约X亿元。',
  '',
].join('\n');

function scratch() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-stress-'));
}

function repeatTo(bytes, unit, separator = '\n') {
  const n = Math.ceil(bytes / Buffer.byteLength(unit + separator));
  return Array(n).fill(unit).join(separator);
}

const results = [];
function run(name, dir, args, env = {}, timeoutMs = 600_000) {
  const r = timeNode(bin, ['--format', 'json', '--locale', 'en', ...args], { cwd: dir, env, timeoutMs });
  const messages = r.stderr.trim().split('\n').filter(Boolean);
  const crashed = r.signal !== null || r.status === null || r.status > 2 || /\n\s+at /.test(r.stderr);
  const entry = { name, seconds: round(r.ms / 1000), peakRssMb: round(r.rssMb, 0), status: r.status, crashed, messages: messages.slice(0, 5) };
  results.push(entry);
  console.log(`${crashed ? 'CRASH' : 'ok   '}  ${name.padEnd(44)} ${String(entry.seconds).padStart(7)} s  ${String(entry.peakRssMb).padStart(5)} MB  exit ${r.status}`);
  for (const m of entry.messages.slice(0, 3)) console.log(`       ${m.slice(0, 160)}`);
  return entry;
}

// 50 MB: refused with a message by default; linted with the limit raised.
if (want('big')) {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, 'big.txt'), repeatTo(50e6, PARAGRAPH));
  fs.writeFileSync(path.join(dir, 'small.txt'), PARAGRAPH);
  run('50 MB file + a small one (default limit)', dir, ['.']);
  run('50 MB file, GONGWEN_LINT_MAX_FILE_MB=64', dir, ['big.txt'], { GONGWEN_LINT_MAX_FILE_MB: '64' });
  fs.rmSync(dir, { recursive: true, force: true });
}

// One 5 MB line: text pasted from a PDF or a web page without line breaks.
if (want('line')) {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, 'one-line.txt'), repeatTo(5e6, PARAGRAPH.replace(/\n/g, ''), ''));
  fs.writeFileSync(path.join(dir, 'one-line.md'), repeatTo(5e6, PARAGRAPH.replace(/\n/g, ''), ''));
  run('one 5 MB line (.txt)', dir, ['one-line.txt']);
  run('one 5 MB line (.md)', dir, ['one-line.md']);
  // Masked markup leaves a document of spaces: patterns must not rescan the run before each position.
  fs.writeFileSync(path.join(dir, 'all-code.md'), `\`\`\`\n${repeatTo(5e6, PARAGRAPH)}`);
  run('5 MB Markdown inside one code block', dir, ['all-code.md']);
  fs.rmSync(dir, { recursive: true, force: true });
}

// Many tiny files.
if (want('files')) {
  const dir = scratch();
  for (let i = 0; i < TINY_FILES; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, `${i}.txt`), i % 2 ? '一、总结\n完成XX项。\n' : '本月完成投资3亿元。\n');
  }
  run(`${TINY_FILES.toLocaleString('en')} tiny files`, dir, ['.']);
  fs.rmSync(dir, { recursive: true, force: true });
}

// Deep and dense Markdown, NUL bytes, damaged and mixed encodings — among good files.
if (want('broken')) {
  const dir = scratch();
  const gb = Buffer.from([0xb6, 0xfe, 0xa1, 0xa2, 0xb4, 0xe6, 0xd4, 0xda, 0xce, 0xca, 0xcc, 0xe2, 0x0a]);
  const files = {
    'nested-quotes.md': '>'.repeat(100_000) + ' 甲\n',
    'nested-lists.md': Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n'),
    'dense-brackets.md': '[甲 '.repeat(200_000),
    'nul.txt': Buffer.concat([Buffer.from([0, 0]), Buffer.from(PARAGRAPH)]),
    'nul-inside.txt': Buffer.concat([Buffer.from(PARAGRAPH.repeat(100)), Buffer.from([0]), Buffer.from(PARAGRAPH)]),
    'invalid-utf8.txt': Buffer.concat([Buffer.from(PARAGRAPH), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(PARAGRAPH)]),
    'half-gb18030.txt': Buffer.concat([Buffer.from(PARAGRAPH.repeat(5)), ...Array(200).fill(gb)]),
    'good.txt': PARAGRAPH,
    'good.md': `# 工作总结\n\n${PARAGRAPH}`,
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  const entry = run('hostile files among good ones', dir, ['.']);
  entry.goodFilesLinted = entry.status !== null;
  fs.rmSync(dir, { recursive: true, force: true });
}

// Hostile text (issue 19): each ~1 MB document next to a normal document of the same size and
// format, both linted alone. A case passes when it ends (a report or a one-line refusal) within
// 10 times the normal document's time.
if (want('hostile')) {
  const dir = scratch();
  const SIZE = Number(process.env.STRESS_HOSTILE_BYTES ?? 1e6);
  const fill = (unit, sep = '') => repeatTo(SIZE / 3, unit, sep); // ~3 bytes a CJK character: a like-for-like size in characters
  const ascii = (unit, sep = '') => repeatTo(SIZE, unit, sep);
  const cases = {
    'digits.txt': ascii('1'),
    'digits-yuan.txt': `${ascii('7')}元`,
    'dotted-digits.txt': ascii('1.'),
    'x-run.txt': ascii('X'),
    'star-run.txt': ascii('*'),
    'stars-before-zongshuji.txt': `${ascii('*')}总书记新时代中国特色社会主义思想`,
    'url-like.txt': `http://${ascii('a')}`,
    'email-like.txt': ascii('a.'),
    'directives.txt': fill('【gongwen-lint-disable-next-line no-placeholder】\nXX', '\n'),
    'headings.txt': fill('一、工作', '\n'),
    'qizhong-list.txt': `共有100个，其中${fill('甲村1个', '、')}。`,
    'setext.md': fill('标题\n===', '\n'),
    'table.md': `| 甲 | 乙 |\n| - | - |\n${ascii('| 1 | 2 |', '\n')}`,
  };
  const normal = { txt: fill(PARAGRAPH), md: `# 工作总结\n\n${fill(PARAGRAPH, '\n')}` };
  fs.writeFileSync(path.join(dir, 'normal.txt'), normal.txt);
  fs.writeFileSync(path.join(dir, 'normal.md'), normal.md);
  const baseline = { txt: run('normal document (.txt), same size', dir, ['normal.txt']), md: run('normal document (.md), same size', dir, ['normal.md']) };
  for (const [name, content] of Object.entries(cases)) {
    fs.writeFileSync(path.join(dir, name), content);
    const entry = run(`hostile: ${name}`, dir, [name]);
    const base = baseline[name.endsWith('.md') ? 'md' : 'txt'].seconds;
    entry.timesNormal = round(entry.seconds / Math.max(base, 0.05), 1);
    entry.withinTenTimes = entry.timesNormal <= 10;
    if (!entry.withinTenTimes) entry.crashed = true;
    console.log(`       ${entry.timesNormal}× the normal document; outcome: ${entry.messages[0] ?? (entry.status === 2 ? 'refused' : 'linted, report written')}`);
  }
  // Files that are not regular files, named explicitly (a symlink to /dev/zero, a FIFO).
  if (process.platform !== 'win32') {
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    spawnSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    run('hostile: symlink to /dev/zero', dir, ['--follow-symlinks', 'zero.txt'], {}, 60_000);
    run('hostile: FIFO', dir, ['fifo.txt'], {}, 60_000);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

fs.writeFileSync(path.join(root, 'bench/stress-results.json'), `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
const crashes = results.filter((r) => r.crashed).length;
console.log(`\nstress: ${results.length} cases, ${crashes} crashed; figures in bench/stress-results.json`);
process.exit(crashes ? 1 : 0);
