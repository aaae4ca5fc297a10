// Builds what the .vsix carries, so that it works on its own (`vscode:prepublish`, run by `vsce package`):
//   out/extension.cjs  the extension with vscode-languageclient bundled in;
//   server/            gongwen-lint's language server: the repository's built dist/ (the web page and source
//                      maps left out), bin/, rules/ and a package.json, with recheck and its dependencies,
//                      which the server loads to vet the regular expressions of a workspace's rule folders.
// The repository must be built first (`npm install` or `npm run build` at its root).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const repo = path.resolve(here, '../..');
const server = path.join(here, 'server');

function fail(message) {
  console.error(`gongwen-lint extension build: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(repo, 'dist', 'lsp-worker.js'))) fail(`${path.join(repo, 'dist')} is missing: run \`npm install\` (or \`npm run build\`) at the repository root first`);

await build({
  entryPoints: [path.join(here, 'extension.cjs')],
  outfile: path.join(here, 'out', 'extension.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  legalComments: 'none',
  logLevel: 'warning',
});

fs.rmSync(server, { recursive: true, force: true });
fs.mkdirSync(path.join(server, 'dist'), { recursive: true });
for (const name of fs.readdirSync(path.join(repo, 'dist'))) {
  if (name.endsWith('.js')) fs.copyFileSync(path.join(repo, 'dist', name), path.join(server, 'dist', name));
}
fs.cpSync(path.join(repo, 'bin'), path.join(server, 'bin'), { recursive: true });
fs.cpSync(path.join(repo, 'rules'), path.join(server, 'rules'), { recursive: true });
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
// The server finds its root (and rules/) by this file, and reports its version from the bundle.
fs.writeFileSync(path.join(server, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, type: pkg.type, license: pkg.license, private: true }, null, 2)}\n`);

/** The folder of package `name` as Node would find it from `from` (package.json may be hidden by exports). */
function packageDir(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) fail(`${name} is not installed: run \`npm install\` at the repository root`);
  }
}

/** Copies a package of the repository's node_modules and, recursively, its (non-optional) dependencies. */
function copyPackage(name, from, seen = new Set()) {
  const dir = packageDir(name, from);
  if (seen.has(dir)) return;
  seen.add(dir);
  fs.cpSync(dir, path.join(server, 'node_modules', name), { recursive: true });
  const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(dependencies)) copyPackage(dep, dir, seen);
}
copyPackage('recheck', repo);
console.error(`gongwen-lint extension: built out/extension.cjs and server/ (gongwen-lint ${pkg.version})`);
