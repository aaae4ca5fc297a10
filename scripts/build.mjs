// Bundles the CLI and the library into dist/ (ESM, code-split so that remark, mathjs, YAML and the
// schema compiler load only when needed). The built-in rules are read, validated and compiled here,
// once, and inlined: src/rules/builtin.ts is replaced by their definitions, and
// src/rules/prepared-data.ts by the costly pure steps of their compilation (src/rules/prepared.ts).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const started = performance.now();
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  // Piscina finds its own thread bootstrap file next to its sources: it must stay in node_modules.
  // recheck (the regex safety analysis, user rules only) is large and loaded on demand from node_modules.
  // pdf.js starts its worker from its own folder and reads its CMaps there.
  external: ['piscina', 'recheck', 'pdfjs-dist'],
  // Bundled CommonJS dependencies (ajv, iconv-lite) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gwCreateRequire } from 'node:module'; const require = __gwCreateRequire(import.meta.url);" },
};

// The built-in rules as the package reads them, and the regex safety check they must pass.
const READ_RULES = [
  "export { builtinDefinitions } from './builtin.js';",
  "export { assertSafeRegexes, verdicts } from './safe-regex.js';",
  "export { compileRules } from './compile.js';",
  "export { recordPrepared } from './prepared.js';",
].join('\n');

async function builtinRuleDefinitions() {
  // Bundle the rule reader on its own and run it; it lives under node_modules/.cache so that it
  // finds the package root (and rules/) the same way the real module does.
  const dir = path.resolve('node_modules/.cache/gongwen-lint');
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `read-rules-${process.pid}.mjs`);
  await build({ ...common, stdin: { contents: READ_RULES, resolveDir: path.resolve('src/rules'), loader: 'ts' }, outfile, splitting: false });
  try {
    const { builtinDefinitions, assertSafeRegexes, verdicts, compileRules, recordPrepared } = await import(pathToFileURL(outfile).href);
    const definitions = await builtinDefinitions();
    // The analysis takes up to a second per pattern: verdicts are kept for the same recheck version.
    const cacheFile = path.join(dir, 'regex-verdicts.json');
    const recheck = JSON.parse(fs.readFileSync('node_modules/recheck/package.json', 'utf8')).version;
    try {
      const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
      if (cached.recheck === recheck) for (const [k, v] of Object.entries(cached.verdicts)) verdicts.set(k, v);
    } catch {
      // no cache yet
    }
    try {
      await assertSafeRegexes(definitions, undefined, { trusted: true });
    } finally {
      fs.writeFileSync(cacheFile, JSON.stringify({ recheck, verdicts: Object.fromEntries(verdicts) }));
    }
    const recorded = recordPrepared();
    await compileRules(structuredClone(definitions));
    return { definitions, prepared: Object.fromEntries(recorded) };
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

let definitions;
let prepared;
try {
  ({ definitions, prepared } = await builtinRuleDefinitions());
} catch (e) {
  console.error(`gongwen-lint build: ${e.message}`);
  process.exit(1);
}

const inlineBuiltinRules = {
  name: 'inline-builtin-rules',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]rules[\\/]builtin\.ts$/ }, () => ({
      loader: 'js',
      contents: `const definitions = ${JSON.stringify(definitions)};\nexport async function builtinDefinitions() { return structuredClone(definitions); }\n`,
    }));
    // JSON.parse of one string reads a large table faster than the same object literal as code.
    b.onLoad({ filter: /[\\/]src[\\/]rules[\\/]prepared-data\.ts$/ }, () => ({
      loader: 'js',
      contents: `export const PREPARED = JSON.parse(${JSON.stringify(JSON.stringify(prepared))});\n`,
    }));
  },
};

fs.rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  // worker: the thread entry of the pool that lints many files (src/batch/lint-files.ts).
  entryPoints: { cli: 'src/cli/index.ts', index: 'src/index.ts', 'lsp-worker': 'src/lsp/worker.ts', worker: 'src/batch/worker.ts' },
  outdir: 'dist',
  splitting: true,
  sourcemap: 'linked',
  chunkNames: 'chunk-[hash]',
  plugins: [inlineBuiltinRules],
});
console.error(`gongwen-lint: built dist/ with ${definitions.length} rules in ${Math.round(performance.now() - started)} ms`);

// The offline web page (dist/web/index.html) that `gongwen-lint serve` serves; vite is a dev dependency.
// --no-web: the CLI alone (the GitHub Action at a ref without a release build).
if (process.argv.includes('--no-web')) process.exit(0);
const webStarted = performance.now();
const { build: buildWeb } = await import('vite');
await buildWeb({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
console.error(`gongwen-lint: built dist/web/ in ${Math.round(performance.now() - webStarted)} ms`);
