import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// scripts/prepare.mjs in a copy of the package without node_modules, as npm's temporary clone is
// when a global install from git runs prepare (its inner install put the dependencies elsewhere).
const root = path.resolve(import.meta.dirname, '..');

function clone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-prepare-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(path.join(root, 'scripts/prepare.mjs'), path.join(dir, 'scripts/prepare.mjs'));
  // A stand-in for the build: it records that it ran and whether the toolchain was there.
  fs.writeFileSync(
    path.join(dir, 'scripts/build.mjs'),
    "import fs from 'node:fs';\nfs.writeFileSync('built', String(fs.existsSync('node_modules/esbuild/package.json')));\n",
  );
  // A stand-in for npm: it records its arguments and installs a toolchain.
  fs.writeFileSync(
    path.join(dir, 'fake-npm.cjs'),
    "const fs = require('node:fs');\nfs.writeFileSync('npm-args', JSON.stringify(process.argv.slice(2)));\n" +
      "fs.mkdirSync('node_modules/esbuild', { recursive: true });\nfs.writeFileSync('node_modules/esbuild/package.json', '{}');\n",
  );
  return dir;
}

function run(dir: string, env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, env: { ...base, ...env }, encoding: 'utf8' });
}

describe('prepare without the build tools', () => {
  it('in a global install from git, installs them into the clone (not globally) and builds', () => {
    const dir = clone();
    const r = run(dir, { npm_config_global: 'true', npm_execpath: path.join(dir, 'fake-npm.cjs') });
    expect(r.status, r.stderr).toBe(0);
    const args: string[] = JSON.parse(fs.readFileSync(path.join(dir, 'npm-args'), 'utf8'));
    expect(args[0]).toBe('install');
    expect(args).toContain('--global=false');
    expect(args).toContain('--include=dev');
    expect(args).toContain('--ignore-scripts');
    expect(fs.readFileSync(path.join(dir, 'built'), 'utf8')).toBe('true');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('elsewhere (a clone installed with --omit=dev) stops with a message, installing nothing', () => {
    const dir = clone();
    const r = run(dir, { npm_execpath: path.join(dir, 'fake-npm.cjs') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('esbuild');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'npm-args'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'built'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with the build tools present, only builds', () => {
    const dir = clone();
    fs.mkdirSync(path.join(dir, 'node_modules/esbuild'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/esbuild/package.json'), '{}');
    const r = run(dir, { npm_config_global: 'true', npm_execpath: path.join(dir, 'fake-npm.cjs') });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'npm-args'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'built'), 'utf8')).toBe('true');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
