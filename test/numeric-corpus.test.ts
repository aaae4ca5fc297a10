import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';
import { model } from './helpers/model.js';

// The seed cases of the numeric-consistency rules (skipped where ../shared/corpus is absent).
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const read = (name: string) => fs.readFileSync(path.join(corpus, name), 'utf8');

async function found(name: string, rule: string): Promise<Array<[number, string]>> {
  const text = read(name);
  const m = await model(text);
  return (await lintString(text, { rule })).map((f) => [m.lines.position(f.start).line, text.slice(f.start, f.end)]);
}

describe.runIf(fs.existsSync(corpus))('numeric seed cases', () => {
  it('seed-004 line 16: three rates that do not follow from their counts', async () => {
    const f = await found('seed-004.txt', 'rate-mismatch');
    expect(f.map(([line]) => line)).toEqual([16, 16, 16]);
    expect(f.map(([, span]) => span.slice(-6))).toEqual(['90.13%', '率81.3%', '率91.1%']);
  });

  it('seed-004 lines 13 and 14: lists counted as one; lines 9 and 19 are right', async () => {
    expect(await found('seed-004.txt', 'enumeration-count-mismatch')).toEqual([[13, '1条'], [14, '1个']]);
  });

  it('seed-002: 完成率485%', async () => {
    expect(await found('seed-002.txt', 'completion-over-100')).toEqual([[10, '完成率485%']]);
  });
});
