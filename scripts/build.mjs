// Bundles the CLI and the library into dist/ (ESM, code-split so that remark and mathjs load only when needed).
import { build } from 'esbuild';

const started = performance.now();
await build({
  entryPoints: { cli: 'src/cli/index.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  // Bundled CommonJS dependencies (ajv, iconv-lite) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gwCreateRequire } from 'node:module'; const require = __gwCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.error(`gongwen-lint: built dist/ in ${Math.round(performance.now() - started)} ms`);

// The offline web page (dist/web/index.html) that `gongwen-lint serve` serves; vite is a dev dependency.
const webStarted = performance.now();
const { build: buildWeb } = await import('vite');
await buildWeb({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
console.error(`gongwen-lint: built dist/web/ in ${Math.round(performance.now() - webStarted)} ms`);
