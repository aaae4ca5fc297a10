// `npm run release`: the two release artifacts in release/ — the npm package tarball (what `npm publish`
// would upload; `npm pack` builds dist/ through the prepare script) and the offline web page as one
// self-contained HTML file for reviewers who never open a terminal.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'release');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
fs.mkdirSync(out, { recursive: true });

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const packed = JSON.parse(
  execFileSync(npm[0], [...npm.slice(1), 'pack', '--json', '--foreground-scripts=false', '--pack-destination', out], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
const tarball = path.join(out, packed[0].filename);

const page = fs.readFileSync(path.join(root, 'dist', 'web', 'index.html'), 'utf8');
// The page must open from a USB stick or a mail attachment: nothing may be fetched.
const external = page.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?!data:|#)[^"'\s>]+/i);
if (external) {
  console.error(`gongwen-lint release: dist/web/index.html is not self-contained: ${external[0]}`);
  process.exit(1);
}
const pageFile = path.join(out, `gongwen-lint-${version}.html`);
fs.writeFileSync(pageFile, page);

for (const file of [tarball, pageFile]) {
  console.log(`${path.relative(root, file)}\t${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
}
