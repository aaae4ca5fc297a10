import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';

// What only the bundle can break (lazily loaded modules, the worker entry), run against the build like bin.test.ts.
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/gongwen-lint.js');

function gwl(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(fs.existsSync(path.join(root, 'dist/worker.js')))('the built CLI: workflows', () => {
  it('reads YAML and JSON configuration files, and Word documents', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('2024年工作计划'), new Paragraph('新建道路XX公里。')] }] });
    const dir = tempDir({
      '.gongwenlintrc.yaml': 'rules:\n  no-placeholder: warning\n',
      'sub/gongwen-lint.config.json': '{"rules": {"no-placeholder": "info"}}',
      'a.docx': await Packer.toBuffer(doc),
      'sub/b.txt': '2024年工作计划\n投资XX万元。\n',
    });
    const r = gwl(['.', '-f', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).map((f: { filePath: string; messages: Array<{ severity: string; line: number }> }) => `${f.filePath} ${f.messages.map((m) => `${m.severity}@${m.line}`)}`)).toEqual([
      'a.docx warning@2',
      'sub/b.txt info@2',
    ]);
    fs.writeFileSync(path.join(dir, '.gongwenlintrc.yaml'), 'rules: [\n');
    expect(gwl(['.'], dir).stderr).toMatch(/^gongwen-lint: 配置错误：\.gongwenlintrc\.yaml: 第 2 行第 1 列：YAML 语法错误/);
  });

  it('gives the same report, in the same order, as one thread', () => {
    // Documents of very different lengths, so that workers finish out of order.
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      const body = '各项工作有序推进，群众满意度持续提升。\n'.repeat(i % 7 === 0 ? 400 : 3);
      files[`d${i % 3}/doc-${String(i).padStart(2, '0')}.txt`] = `2024年工作计划\n${body}新建道路XX公里，完成投资*亿元。\n`;
    }
    files['d1/bad.txt'] = '';
    const dir = tempDir(files);
    const one = gwl(['.', '-f', 'json', '--concurrency', 'off'], dir);
    const pool = gwl(['.', '-f', 'json', '--concurrency', '2'], dir);
    expect(one.code).toBe(2);
    expect(pool.code).toBe(2);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stderr).toBe(one.stderr);
    const paths = JSON.parse(pool.stdout).map((f: { filePath: string }) => f.filePath);
    expect(paths).toHaveLength(31);
    expect(JSON.parse(pool.stdout)[1].messages.filter((m: { ruleId: string }) => m.ruleId === 'no-placeholder')).toHaveLength(2);
  });
});
