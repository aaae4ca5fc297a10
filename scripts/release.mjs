// `npm run release`: the release artifacts of the committed HEAD, in release/ and in git:
//   - gongwen-lint-<version>.tgz, the npm package (`npm publish <it>` uploads exactly this);
//   - gongwen-lint-<version>.html, the offline web page as one self-contained file, for reviewers who
//     never open a terminal;
//   - the tag v<version>: HEAD plus the built dist/, without the prepare script, so that installing
//     from git needs no build (`npm install -g git+…#v<version>`, the GitHub Action, pre-commit's `rev:`).
// The working tree and the branch are left as they are: the tag's commit is written through a
// temporary index. `--no-tag` skips the tag.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'release');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const tag = `v${version}`;
const makeTag = !process.argv.includes('--no-tag');

function fail(message) {
  console.error(`gongwen-lint release: ${message}`);
  process.exit(1);
}

function git(args, env = {}) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

if (git(['status', '--porcelain', '--untracked-files=no']) !== '') fail('commit or stash the changes first: a release is built from HEAD');
if (makeTag && git(['tag', '--list', tag]) !== '') fail(`the tag ${tag} exists already: raise the version in package.json`);

fs.mkdirSync(out, { recursive: true });
// npm pack runs prepare, which builds dist/ (the CLI and the web page) from the working tree = HEAD.
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const packed = JSON.parse(
  execFileSync(npm[0], [...npm.slice(1), 'pack', '--json', '--pack-destination', out], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
const artifacts = [path.join(out, packed[0].filename)];

const page = fs.readFileSync(path.join(root, 'dist', 'web', 'index.html'), 'utf8');
// The page must open from a USB stick or a mail attachment: nothing may be fetched.
const external = page.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?!data:|#)[^"'\s>]+/i);
if (external) fail(`dist/web/index.html is not self-contained: ${external[0]}`);
artifacts.push(path.join(out, `gongwen-lint-${version}.html`));
fs.writeFileSync(artifacts[1], page);

if (makeTag) {
  const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-release-')), 'index');
  const env = { GIT_INDEX_FILE: index };
  git(['read-tree', 'HEAD'], env);
  git(['add', '--force', 'dist'], env);
  // The tag is the package as published: built, so without the prepare script. npm would otherwise
  // install the whole toolchain and rebuild it when installing from git (scripts/prepare.mjs).
  const manifest = JSON.parse(git(['show', 'HEAD:package.json']));
  delete manifest.scripts.prepare;
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: `${JSON.stringify(manifest, null, 2)}\n`, encoding: 'utf8' }).trim();
  git(['update-index', '--cacheinfo', `100644,${blob},package.json`], env);
  const tree = git(['write-tree'], env);
  fs.rmSync(path.dirname(index), { recursive: true, force: true });
  const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', `Release ${tag}: ${git(['rev-parse', '--short', 'HEAD'])} with the built dist/`]);
  git(['tag', tag, commit]);
  console.log(`${tag}\t${commit} (git push origin ${tag})`);
}
for (const file of artifacts) console.log(`${path.relative(root, file)}\t${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
