import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { gongwenRules } from './rules-plugin.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.dirname(root);

export interface WebBuildOptions {
  outDir?: string;
  /** Rule folders bundled besides the built-in rules/ (the browser test adds a fixture rule with a fix). */
  extraRuleDirs?: string[];
}

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
    plugins: [gongwenRules(options.extraRuleDirs ?? [], packageRoot), viteSingleFile({ removeViteModuleLoader: true })],
    build: {
      outDir: options.outDir ?? path.join(packageRoot, 'dist', 'web'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
    },
  };
}

export default defineConfig(webConfig());
