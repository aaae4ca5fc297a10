// The per-document time budget (--max-time, maxTime): a document that takes longer is stopped,
// reported in one line naming it, counted as a file that could not be checked, and the others go on.
// The slow document is ~230 KB of ordinary text (well over 50 ms to lint) against a budget of 1 ms,
// so no timing on a busy machine can make it finish in time; the others have the default budget (60 s).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumeStoppedThread, threadStopped, TimeBudgetExceeded, WATCH_MIN_CHARS, withinBudget } from '../src/batch/budget.js';
import { parseCli } from '../src/cli/args.js';
import { cli, tempDir } from './helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/gongwen-lint.js');

const PARAGRAPH = '一、主要工作\n全年新建道路12公里，完成投资3.5亿元，同比增长6.1%。部分XX项目尚未开工。\n';
const SMALL = '某镇2024年工作总结\n完成投资*亿元。\n';

/** A folder: slow/big.txt under a configuration with a budget of 1 ms, and two small documents under the default. */
function folder(): string {
  return tempDir({
    'slow/.gongwenlintrc.yaml': 'maxTime: 0.001\n',
    'slow/big.txt': PARAGRAPH.repeat(2000),
    'a.txt': SMALL,
    'z.txt': SMALL,
  });
}

describe('time budget', () => {
  it('stops synchronous work at the deadline and marks the thread as stopped', () => {
    let spins = 0;
    const t0 = performance.now();
    expect(() =>
      withinBudget(performance.now() + 50, () => {
        for (;;) if (++spins < 0) return spins;
      }),
    ).toThrow(TimeBudgetExceeded);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(threadStopped()).toBe(true);
    resumeStoppedThread();
    expect(withinBudget(performance.now() + 10_000, () => 42)).toBe(42);
    expect(withinBudget(undefined, () => 'no limit')).toBe('no limit');
  });

  it('reads --max-time as seconds (0: no limit) and refuses other values', () => {
    expect(parseCli(['a.txt', '--max-time', '2.5']).workflow.maxTime).toBe(2.5);
    expect(parseCli(['a.txt', '--max-time', '0']).workflow.maxTime).toBe(0);
    expect(parseCli(['a.txt']).workflow.maxTime).toBeUndefined();
    for (const bad of ['-1', 'abc', '', 'Infinity']) expect(() => parseCli(['a.txt', '--max-time', bad]), bad).toThrow();
  });

  it('reports a document over its budget in one line, counts it as unreadable and lints the others', async () => {
    const dir = folder();
    const zh = await cli(['.'], dir);
    expect(zh.code).toBe(2);
    const lines = zh.stderr.trim().split('\n');
    expect(lines).toEqual(['gongwen-lint: slow/big.txt: 检查用时超过 0.001 秒，已停止，未检查完（其他文件照常检查；用 --max-time 或配置项 maxTime 调整上限）']);
    expect(zh.stdout).toContain('a.txt');
    expect(zh.stdout).toContain('z.txt');

    const en = await cli(['.', '--locale', 'en', '--format', 'json'], dir);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^gongwen-lint: slow\/big\.txt: took too long: stopped after 0\.001 s/);
    const report = JSON.parse(en.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    const counts = Object.fromEntries(report.map((r) => [r.filePath, r.messages.length]));
    expect(counts['a.txt']).toBeGreaterThan(0);
    expect(counts['z.txt']).toBe(counts['a.txt']);
  });

  it('does not watch a document shorter than WATCH_MIN_CHARS (the watchdog would cost more than linting it)', async () => {
    const dir = tempDir({ '.gongwenlintrc.yaml': 'maxTime: 0.001\n', 'a.txt': SMALL });
    expect(SMALL.length).toBeLessThan(WATCH_MIN_CHARS);
    const r = await cli(['a.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('--max-time on the command line overrides the configuration (0: no limit)', async () => {
    const dir = folder();
    const r = await cli(['slow/big.txt', '--max-time', '0', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as Array<{ messages: unknown[] }>)[0].messages.length).toBeGreaterThan(0);
  });

  describe.runIf(fs.existsSync(path.join(root, 'dist/worker.js')))('the built CLI', () => {
    // The stopped thread lints nothing more: this one hands the rest to a fresh worker, and a stopped
    // worker gives back the documents it held and ends.
    for (const concurrency of ['off', '2']) {
      it(`stops the slow document and lints the others after it (--concurrency ${concurrency})`, () => {
        const dir = folder();
        // slow/ comes after a.txt and before z.txt: a document after the stopped one is linted elsewhere.
        const r = spawnSync(process.execPath, [bin, '--concurrency', concurrency, '--format', 'json', '--locale', 'en', 'a.txt', 'slow/big.txt', 'z.txt'], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^gongwen-lint: slow\/big\.txt: took too long: stopped after 0\.001 s/)]);
        const report = JSON.parse(r.stdout) as Array<{ filePath: string; messages: unknown[] }>;
        expect(report.map((f) => f.filePath)).toEqual(['a.txt', 'slow/big.txt', 'z.txt']);
        expect(report[0].messages.length).toBeGreaterThan(0);
        expect(report[1].messages).toEqual([]);
        expect(report[2].messages.length).toBe(report[0].messages.length);
      }, 120_000);
    }
  });
});
