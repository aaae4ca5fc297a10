import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulePages } from '../src/docs/rule-page.js';
import { BUILTIN_RULES_DIR, packageRoot, readRuleDir } from '../src/rules/load-files.js';

const dir = path.join(packageRoot(), 'docs', 'rules');
const expected = rulePages(await readRuleDir(BUILTIN_RULES_DIR, packageRoot(), 'rules'));

describe('docs/rules', () => {
  it('has a page for every rule and none for a rule that is gone (run `npm run docs`)', () => {
    const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort() : [];
    expect(present).toEqual([...expected.keys()].sort());
  });
  it.each([...expected.keys()])('%s is up to date (run `npm run docs`)', (name) => {
    expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(expected.get(name));
  });
});
