// npm run bench:peers-install — installs the linters the benchmark compares against into
// bench/.peers (git-ignored), never into the project's own dependencies. Versions are pinned so
// that ratios from different days compare the same programs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '.peers');
const PEERS = {
  textlint: '15.8.0',
  'textlint-rule-preset-ja-technical-writing': '12.0.2',
  // 0.20 is the last release that runs on Node 20 (the project's minimum).
  'markdownlint-cli2': '0.20.0',
  'autocorrect-node': '2.14.0',
};

fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(
  path.join(dir, 'package.json'),
  `${JSON.stringify({ name: 'gongwen-lint-bench-peers', private: true, dependencies: PEERS }, null, 2)}\n`,
);
fs.writeFileSync(
  path.join(dir, '.textlintrc.json'),
  `${JSON.stringify({ rules: { 'preset-ja-technical-writing': true } }, null, 2)}\n`,
);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefix', dir], { stdio: 'inherit' });
console.log(`bench: peers installed in ${path.relative(process.cwd(), dir)}: ${Object.entries(PEERS).map(([n, v]) => `${n}@${v}`).join(', ')}`);
