import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { exampleText } from '../src/rules/definition.js';
import { loadRules } from '../src/rules/load-files.js';

// Every rule file documents itself with examples; each one is a test.
const rules = await loadRules([]);

describe.each(rules.map((r) => [r.definition.id, r] as const))('%s', (id, rule) => {
  const { valid, invalid } = rule.definition.examples;
  it.each(valid.map((e) => [exampleText(e).text, e] as const))('valid: %s', async (_label, example) => {
    const { text, format } = exampleText(example);
    const { findings, failures } = await lintText(text, format, { rules: [rule] });
    expect(failures).toEqual([]);
    expect(findings.filter((f) => f.ruleId === id).map((f) => text.slice(f.start, f.end))).toEqual([]);
  });
  it.each(invalid.map((e) => [exampleText(e).text, e] as const))('invalid: %s', async (_label, example) => {
    const { text, format } = exampleText(example);
    const { findings, failures } = await lintText(text, format, { rules: [rule] });
    expect(failures).toEqual([]);
    expect(findings.filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
  });
});
