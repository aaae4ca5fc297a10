import { execFileSync } from 'node:child_process';

/** Tests that start the real binary (the language server) run the bundle: build it once, fresh, before any test. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
