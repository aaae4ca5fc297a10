// Runs a program the way a user would and measures wall time and peak memory.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'rss-probe.cjs');

/**
 * Runs `node script ...args` in `cwd` with the RSS probe preloaded; output is discarded (a linter's
 * report is part of its work, writing it to a terminal is not). Returns the best of `runs`.
 */
export function timeNode(script, args, { cwd, runs = 1, env = {}, timeoutMs = 600_000 } = {}) {
  const rssFile = path.join(os.tmpdir(), `gwl-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let best;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', PROBE, script, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env, GWL_BENCH_RSS_FILE: rssFile, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - t0;
    let rssKb;
    try {
      rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
      fs.rmSync(rssFile, { force: true });
    } catch {
      rssKb = undefined;
    }
    const run = { ms, rssMb: rssKb ? rssKb / 1024 : undefined, status: r.status, signal: r.signal, stderr: String(r.stderr ?? '').slice(-2000) };
    if (r.error) run.error = r.error.message;
    if (!best || ms < best.ms) best = run;
  }
  return best;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export const round = (x, digits = 2) => (x === undefined || Number.isNaN(x) ? undefined : +x.toFixed(digits));

/**
 * Starts `node script ...args` once per argument list, all at once, and returns the wall time until
 * the last one exits (best of `runs`). Nothing is shared between the processes.
 */
export async function timeNodeTogether(script, argLists, { cwd, runs = 1 } = {}) {
  let best;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const statuses = await Promise.all(
      argLists.map(
        (args) =>
          new Promise((resolve) => {
            const child = spawn(process.execPath, [script, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
            child.on('error', () => resolve(-1));
            child.on('exit', (code) => resolve(code));
          }),
      ),
    );
    const ms = performance.now() - t0;
    if (!best || ms < best.ms) best = { ms, statuses };
  }
  return best;
}
