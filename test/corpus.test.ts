import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintString } from './helpers/lint.js';
import { headingList, model } from './helpers/model.js';

// Acceptance checks on the project's evaluation corpus, which sits beside the repository in CI
// (../shared/corpus) but not in a user's clone: skipped there.
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const read = (name: string) => fs.readFileSync(path.join(corpus, name), 'utf8');

describe.runIf(fs.existsSync(corpus))('corpus acceptance', () => {
  it('builds seed-001’s tree from inline headings, through the (-) typos and page-number runs', async () => {
    const m = await model(read('seed-001.txt'));
    const tree = m.root.children.map((s) => [s.heading!.ordinal!.raw, s.children.map((c) => c.heading!.ordinal!.value)]);
    expect(tree).toEqual([['一、', [1, 2, 3]], ['二、', [1, 2, 3]], ['三、', []], ['四、', []]]);
    expect(m.pageMarkers).toHaveLength(11);
  });

  it('joins yunnan-2026’s heading broken after its bracket', async () => {
    const m = await model(read('gov-report-yunnan-2026.txt'));
    expect(headingList(m)).toContain('2:（\n三）:改革开放持续深化、互促共进');
  });

  it('reports missing-problems-section for seed-000, seed-002 and seed-004 only', async () => {
    const flagged = [];
    for (const name of fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
      if ((await lintString(read(name), { rule: 'missing-problems-section' })).length) flagged.push(name);
    }
    expect(flagged).toEqual(['seed-000.txt', 'seed-002.txt', 'seed-004.txt']);
  });

  it('reports no-placeholder on the seed lines that hold placeholders', async () => {
    const lines = async (name: string) => {
      const text = read(name);
      const m = await model(text);
      const found = await lintString(text, { rule: 'no-placeholder' });
      return [...new Set(found.map((f) => m.lines.position(f.start).line))];
    };
    expect(await lines('seed-003.txt')).toEqual([2, 3, 5, 9]);
    expect(await lines('seed-004.txt')).toEqual([1, 3, 4, 6, 8, 9, 10, 11, 13, 14, 16, 18, 19]);
  });
});
