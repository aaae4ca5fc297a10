import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../src/batch/shard.js';
import { cli, tempDir } from './helpers/cli.js';

describe('--shard k/n', () => {
  const files = Array.from({ length: 23 }, (_, i) => `dir${i % 4}/doc-${(i * 7919) % 101}.txt`);

  it('covers every file exactly once, in shards within one file of each other', () => {
    for (let n = 1; n <= 7; n++) {
      const parts = Array.from({ length: n }, (_, k) => selectShard(files, (f) => f, { index: k + 1, count: n }));
      expect(parts.flat().sort()).toEqual([...files].sort());
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depend on the order files were found in', () => {
    const shuffled = [...files].reverse();
    expect(selectShard(shuffled, (f) => f, { index: 2, count: 3 })).toEqual(selectShard(files, (f) => f, { index: 2, count: 3 }));
  });

  it('rejects malformed values', () => {
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard must be k\/n/);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });

  it('splits a run and names each shard in SARIF runAutomationDetails', async () => {
    const tree = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`d/${i}.txt`, `2024年工作计划\n投资XX万元${i}。\n`]));
    const root = tempDir(tree);
    const seen: string[] = [];
    for (let k = 1; k <= 2; k++) {
      const { code, stdout } = await cli(['d', '-f', 'sarif', '--shard', `${k}/2`], root);
      expect(code).toBe(1);
      const run = JSON.parse(stdout).runs[0];
      expect(run.automationDetails).toEqual({ id: `gongwen-lint/shard-${k}-of-2/` });
      seen.push(...run.artifacts.map((a: { location: { uri: string } }) => a.location.uri));
    }
    expect(seen.sort()).toEqual(Object.keys(tree).sort());
    // More shards than files: an empty shard is a clean run, not an error.
    expect((await cli(['d', '--shard', '6/6'], root)).code).toBe(0);
  });
});
