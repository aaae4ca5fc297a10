import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { PAGE_CSP } from '../src/cli/page-policy.js';
import { gongwenRules } from './rules-plugin.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.dirname(root);

export interface WebBuildOptions {
  outDir?: string;
  /** Rule folders bundled besides the built-in rules/ (the browser test adds a fixture rule with a fix). */
  extraRuleDirs?: string[];
}

/** The built page forbids every fetch (the dev server, which loads modules, goes without). */
const contentSecurityPolicy: Plugin = {
  name: 'gongwen-csp',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`),
};

/**
 * One self-contained index.html: scripts and styles inlined, no chunks, so that the page works
 * when opened from file:// (browsers refuse module scripts from file:// URLs) and makes no request.
 */
export function webConfig(options: WebBuildOptions = {}): UserConfig {
  return {
    root,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    // Only the version, not the whole package.json, goes into the page.
    define: { __GONGWEN_VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version) },
    plugins: [gongwenRules(options.extraRuleDirs ?? [], packageRoot), contentSecurityPolicy, viteSingleFile({ removeViteModuleLoader: true })],
    build: {
      outDir: options.outDir ?? path.join(packageRoot, 'dist', 'web'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
    },
  };
}

export default defineConfig(webConfig());
