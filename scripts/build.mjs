// Bundles the CLI and the library into dist/ (ESM, code-split so that remark and mathjs load only when needed).
import { build } from 'esbuild';

const started = performance.now();
await build({
  // worker: the thread entry of the pool that lints many files (src/batch/lint-files.ts).
  entryPoints: { cli: 'src/cli/index.ts', index: 'src/index.ts', worker: 'src/batch/worker.ts' },
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
  // Piscina finds its own thread bootstrap file next to its sources: it must stay in node_modules.
  external: ['piscina'],
  logLevel: 'warning',
});
console.error(`gongwen-lint: built dist/ in ${Math.round(performance.now() - started)} ms`);
