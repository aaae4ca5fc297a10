import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryMac } from '../src/batch/cache.js';
import { cli, tempDir } from './helpers/cli.js';

const DOC = '2024年工作计划\n投资XX万元。\n';

// The cache is JSON in UTF-16 (src/batch/cache.ts).
const readCache = (file: string) => JSON.parse(fs.readFileSync(file).toString('utf16le'));
const writeCache = (file: string, data: unknown) => fs.writeFileSync(file, Buffer.from(JSON.stringify(data), 'utf16le'));
// Entries are signed with a key kept outside the cache; these tests know it, so that they can doctor an entry and still have it served.
const SECRET = 'test-cache-secret-of-at-least-thirty-two-bytes';
process.env.GONGWEN_LINT_CACHE_SECRET = SECRET;
const sign = (data: { version: string; entries: Record<string, { content: string; settings: string; outcome: unknown; mac: string }> }, file: string) => {
  const e = data.entries[file];
  e.mac = entryMac(Buffer.from(SECRET), data.version, file, e);
};

function messages(stdout: string): Record<string, string[]> {
  return Object.fromEntries(JSON.parse(stdout).map((f: { filePath: string; messages: Array<{ ruleId: string; line: number }> }) => [f.filePath, f.messages.map((m) => `${m.ruleId}:${m.line}`)]));
}

describe('--cache', () => {
  it('serves unchanged files from the cache and re-lints when the file, the config or a rule file changes', async () => {
    const root = tempDir({ 'a.txt': DOC, 'b.txt': '2024年工作计划\n新建道路3公里。\n' });
    const cacheFile = path.join(root, '.gongwen-lint-cache');
    const first = await cli(['.', '-f', 'json', '--cache'], root);
    expect(messages(first.stdout)).toEqual({ 'a.txt': ['no-placeholder:2'], 'b.txt': [] });
    // Doctor the cache: a hit must return what is stored, without linting again.
    const data = readCache(cacheFile);
    const entry = data.entries[path.join(root, 'a.txt')];
    entry.outcome.findings[0].message = 'FROM CACHE';
    sign(data, path.join(root, 'a.txt'));
    writeCache(cacheFile, data);
    const second = await cli(['.', '-f', 'json', '--cache'], root);
    expect(JSON.parse(second.stdout)[0].messages[0]).toMatchObject({ message: 'FROM CACHE', line: 2, column: 3 });
    expect(second.stdout.replace('FROM CACHE', '')).toBe(first.stdout.replace(/"message":"[^"]*占位符[^"]*"/, '"message":""'));

    // Content changed → linted again.
    fs.writeFileSync(path.join(root, 'a.txt'), `${DOC}\n`);
    expect(JSON.parse((await cli(['.', '-f', 'json', '--cache'], root)).stdout)[0].messages[0].message).not.toBe('FROM CACHE');

    // Configuration changed → linted again.
    const cached = readCache(cacheFile);
    cached.entries[path.join(root, 'a.txt')].outcome.findings[0].message = 'FROM CACHE';
    sign(cached, path.join(root, 'a.txt'));
    writeCache(cacheFile, cached);
    fs.writeFileSync(path.join(root, '.gongwenlintrc.yaml'), 'rules:\n  no-placeholder: warning\n');
    const reconfigured = JSON.parse((await cli(['.', '-f', 'json', '--cache'], root)).stdout)[0].messages[0];
    expect(reconfigured).toMatchObject({ severity: 'warning' });
    expect(reconfigured.message).not.toBe('FROM CACHE');
  });

  it('does not serve a hand-made entry, and rebuilds a cache of the wrong shape', async () => {
    const root = tempDir({ 'a.txt': DOC });
    const cacheFile = path.join(root, '.gongwen-lint-cache');
    const first = await cli(['.', '-f', 'json', '--cache'], root);
    expect(first.code).toBe(1);
    // An entry with the right content hash and settings but no findings, as a pull request could commit it.
    const data = readCache(cacheFile);
    const entry = data.entries[path.join(root, 'a.txt')];
    entry.outcome.findings = [];
    entry.mac = entryMac(Buffer.from('some other key, not this machine’s, 32 bytes'), data.version, path.join(root, 'a.txt'), entry);
    writeCache(cacheFile, data);
    const forged = await cli(['.', '-f', 'json', '--cache'], root);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('no-placeholder');
    // Valid JSON of the wrong shape: rebuilt, never an internal error.
    for (const wrong of [{ ...data, entries: 'x' }, { ...data, entries: { [path.join(root, 'a.txt')]: { ...entry, outcome: {} } } }, [], null, { version: 1 }]) {
      writeCache(cacheFile, wrong);
      const r = await cli(['.', '-f', 'json', '--cache'], root);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('no-placeholder');
    }
    expect(readCache(cacheFile).entries[path.join(root, 'a.txt')].outcome.findings).toHaveLength(1);
  });

  it('gives the same report from the cache for GB18030, UTF-16 and BOM-prefixed files', async () => {
    const { default: iconv } = await import('iconv-lite');
    const text = '2024年工作计划\n投资XX万元。\n';
    const root = tempDir({
      'gb.txt': iconv.encode(text, 'gb18030'),
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    });
    const first = await cli(['.', '-f', 'json', '--cache'], root);
    const second = await cli(['.', '-f', 'json', '--cache'], root);
    expect(JSON.parse(first.stdout).map((f: { encoding: string }) => f.encoding).sort()).toEqual(['gb18030', 'utf-16le', 'utf-8']);
    expect(second.stdout).toBe(first.stdout);
    expect(JSON.parse(second.stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'no-placeholder')).toMatchObject({ line: 2, column: 3 });
  });

  it('a rule file change invalidates results', async () => {
    const rule = `id: extra-placeholder
type: pattern
severity: error
message: { zh: 占位符, en: placeholder }
docs: { summary: { zh: 占位符, en: placeholder }, what: 占位, why: 占位, source: 无 }
examples: { valid: [], invalid: [XX万元] }
options: { patterns: [{ regex: 'X{2,}' }] }
`;
    const root = tempDir({ 'a.txt': DOC, 'extra/x.yaml': rule });
    const args = ['a.txt', '-f', 'json', '--cache', '--rules', 'extra'];
    expect(messages((await cli(args, root)).stdout)['a.txt']).toEqual(['extra-placeholder:2', 'no-placeholder:2']);
    fs.writeFileSync(path.join(root, 'extra/x.yaml'), rule.replace('severity: error', 'severity: info'));
    const after = JSON.parse((await cli(args, root)).stdout)[0].messages;
    expect(after[0]).toMatchObject({ ruleId: 'extra-placeholder', severity: 'info' });
  });

  it('warns when the cache cannot be written, and still reports', async () => {
    const root = tempDir({ 'a.txt': DOC, 'blocked/x': '' });
    const r = await cli(['a.txt', '--cache', '--cache-location', 'blocked/x/cache', '--locale', 'en'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-placeholder');
    expect(r.stderr).toMatch(/^gongwen-lint: cannot write the cache file .*blocked\/x\/cache: (ENOTDIR|EEXIST)\n$/);
  });
});

describe('--changed-since', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

  it('lints only the files changed since the merge base, committed or not', async () => {
    const root = tempDir({ 'old.txt': DOC, 'touched.txt': DOC, 'sub/gone.txt': DOC });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    fs.writeFileSync(path.join(root, 'touched.txt'), `${DOC}改造XX座。\n`);
    fs.rmSync(path.join(root, 'sub/gone.txt'));
    fs.writeFileSync(path.join(root, 'sub/new.txt'), DOC);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'change');
    fs.writeFileSync(path.join(root, 'untracked.txt'), DOC);
    const { code, stdout } = await cli(['.', '-f', 'json', '--changed-since', 'main'], root);
    expect(code).toBe(1);
    expect(Object.keys(messages(stdout))).toEqual(['sub/new.txt', 'touched.txt', 'untracked.txt']);
    const sub = await cli(['sub', '-f', 'json', '--changed-since', 'main'], path.join(root));
    expect(Object.keys(messages(sub.stdout))).toEqual(['sub/new.txt']);
    // Nothing changed: a clean run.
    expect((await cli(['old.txt', '--changed-since', 'main'], root)).code).toBe(0);
    const bad = await cli(['.', '--changed-since', 'no-such-ref', '--locale', 'en'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gongwen-lint: cannot list the files changed since no-such-ref: .+\n$/);
  });
});
