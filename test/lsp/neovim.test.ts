import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { CLI, ROOT } from '../helpers/lsp-client.js';

/** The Neovim to drive; NVIM=/path/to/nvim picks another one. */
const NVIM = process.env.NVIM ?? 'nvim';

function hasNvim(): boolean {
  try {
    execFileSync(NVIM, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const nvim = hasNvim();
if (!nvim) console.warn(`test/lsp/neovim.test.ts: skipped — ${NVIM} not found; install Neovim with: apt-get install -y neovim`);

test.skipIf(!nvim)('headless Neovim attaches the server, reads its diagnostics and applies a quick fix (skipped without nvim)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lint-nvim-'));
  const file = path.join(dir, '工作总结.txt');
  const out = path.join(dir, 'report.json');
  fs.writeFileSync(file, '2024年工作总结\n全镇新建道路,桥梁XX处。\n');
  const result = spawnSync(NVIM, ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(ROOT, 'test/lsp/fixtures/nvim-client.lua')}`], {
    env: { ...process.env, GW_FILE: file, GW_OUT: out, GW_CLI: CLI, GW_NODE: process.execPath, GW_RULES: path.join(ROOT, 'test/fixtures/lsp-rules') },
    timeout: 30_000,
    encoding: 'utf8',
  });
  expect(fs.existsSync(out), `nvim wrote no report (status ${result.status}): ${result.stderr}`).toBe(true);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });

  expect(report.attached).toBe(true);
  const placeholder = report.diagnostics.find((d: { code: string }) => d.code === 'no-placeholder');
  // Neovim counts columns in UTF-8 bytes: XX follows eight 3-byte characters and a comma (UTF-16 columns 9–11).
  expect(placeholder).toMatchObject({ lnum: 1, col: 25, end_col: 27, severity: 1, source: 'gongwen-lint' });
  expect(placeholder.message).toContain('占位符“XX”');
  expect(report.actions).toContain('修复：将“,”改为“，”');
  expect(report.applied).toBe('修复：将“,”改为“，”');
  expect(report.lines).toEqual(['2024年工作总结', '全镇新建道路，桥梁XX处。']);
});
