// npm's prepare script: build dist/ when the build toolchain (a dev dependency) is installed — a clone
// after `npm install`, `npm pack`, pre-commit's install. A release tag (`npm run release`) carries dist/
// already, and npm's global install from git runs prepare with no dependencies at all
// (https://github.com/npm/cli/issues/8440): there the committed dist/ is used as it is.
import fs from 'node:fs';
import { createRequire } from 'node:module';

function hasToolchain() {
  try {
    createRequire(import.meta.url).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (hasToolchain()) {
  await import('./build.mjs');
} else if (fs.existsSync(new URL('../dist/cli.js', import.meta.url))) {
  console.error('gongwen-lint: using the prebuilt dist/ (the build toolchain is not installed)');
} else {
  console.error(
    'gongwen-lint: cannot build dist/: esbuild, a dev dependency, is not installed.\n' +
      'Install from a clone with `npm install`, from a release tag (which carries dist/), or from the npm pack tarball.',
  );
  process.exit(1);
}
