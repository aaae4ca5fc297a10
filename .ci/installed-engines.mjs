// node .ci/installed-engines.mjs <node_modules folder> <semver module> <engines range>
// Every package installed under the folder must accept the lowest Node version the range allows.
// An install from the tarball or from git resolves dependencies afresh (the lockfile is not
// published), so test/engines.test.ts, which reads the lockfile, cannot see what a user gets.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [folder, semverPath, range] = process.argv.slice(2);
const semver = createRequire(import.meta.url)(semverPath);
const minimum = semver.minVersion(range).version;
const refusing = [];
let count = 0;

/** Visit the packages directly in a node_modules folder (scopes included), and theirs in turn. */
function visit(modules) {
  if (!fs.existsSync(modules)) return;
  for (const entry of fs.readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = path.join(modules, entry.name);
    if (entry.name.startsWith('@')) { visit(dir); continue; }
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      count++;
      const wanted = manifest.engines?.node;
      if (typeof wanted === 'string' && !semver.satisfies(minimum, wanted, { includePrerelease: true })) {
        refusing.push(`${manifest.name}@${manifest.version} wants node ${wanted}`);
      }
    }
    visit(path.join(dir, 'node_modules'));
  }
}

visit(folder);
if (count === 0) { console.error(`installed-engines: no package under ${folder}`); process.exit(1); }
if (refusing.length) {
  console.error(`installed-engines: ${refusing.length} of ${count} packages refuse node ${minimum} (engines ${range}):\n  ${refusing.join('\n  ')}`);
  process.exit(1);
}
console.log(`${count} packages accept node ${minimum}`);
