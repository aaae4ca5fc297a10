// `prepare`: builds dist/ (scripts/build.mjs) when the package is installed from a clone or from git.
//
// Installing from git, npm clones the repository, installs its dependencies there and runs prepare.
// A *global* install (`npm install -g git+…`) passes its global flag on to that inner install, which
// then puts the dependencies in the global prefix instead of the clone, and the build fails with
// "Cannot find package 'esbuild'". In that case (and only then: a clone installed with --omit=dev
// gets a clear message instead) the build tools are installed into the clone first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const hasToolchain = () => fs.existsSync(path.join(root, 'node_modules', 'esbuild', 'package.json'));

if (!hasToolchain()) {
  if (process.env.npm_config_global !== 'true') {
    console.error(
      'gongwen-lint: building dist/ needs the development dependencies (esbuild, vite), which are not installed: ' +
        'run `npm install` without --omit=dev (or install the release tarball, which is built).',
    );
    process.exit(1);
  }
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  console.error('gongwen-lint: installing the build tools into the clone (global install from git)');
  execFileSync(
    npm[0],
    [...npm.slice(1), 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--install-links=false'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_global: 'false' }, shell: process.platform === 'win32' && npm.length === 1 },
  );
}
await import('./build.mjs');
