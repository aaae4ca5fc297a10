import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { decode } from '../src/input/decode.js';
import { builtinRules } from './helpers/lint.js';

// The acceptance cases, checked against the shared corpus when it is present (it is not shipped).
const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus');

async function lines(file: string, rule: string): Promise<number[]> {
  const text = decode(fs.readFileSync(path.join(CORPUS, file))).text;
  const rules = (await builtinRules()).filter((r) => r.definition.id === rule);
  const { findings, model } = await lintText(text, 'text', { rules });
  return findings.map((f) => model.lines.position(f.start).line);
}

describe.skipIf(!fs.existsSync(CORPUS))('acceptance cases in the shared corpus', () => {
  it.each([
    ['seed-000.txt', 'duplicate-text', [2, 3]],
    ['seed-004.txt', 'duplicate-text', [3]],
    ['seed-001.txt', 'heading-ordinal-format', [2, 3, 8]],
    ['seed-004.txt', 'period-mismatch', [6, 10]],
    ['seed-004.txt', 'stale-term', [9, 9, 11, 11, 16]],
    ['seed-003.txt', 'political-formulation', [1, 9]],
    ['seed-004.txt', 'political-formulation', [4, 4]],
    ['seed-001.txt', 'political-formulation', [2]],
    ['seed-002.txt', 'approximation-position', [14]],
    ['seed-002.txt', 'redundant-approximation', [17]],
    ['seed-001.txt', 'unbalanced-pair', [5]],
    ['gov-report-henan-2025.txt', 'unbalanced-pair', [10]],
    ['gov-report-national-1986.txt', 'unbalanced-pair', [18, 24]],
    ['gov-report-guangdong-2026.txt', 'heading-ordinal-sequence', []],
    ['gov-report-yunnan-2026.txt', 'heading-ordinal-sequence', []],
    ['gov-report-yunnan-2026.txt', 'heading-ordinal-format', []],
  ] as const)('%s: %s on lines %j', async (file, rule, expected) => {
    expect(await lines(file, rule)).toEqual(expected);
  });

  it.each([
    ['seed-001.txt', 1],
    ['seed-003.txt', 4],
    ['seed-004.txt', 21],
    ['seed-004.txt', 22],
  ] as const)('%s: web-residue on line %i', async (file, line) => {
    expect(await lines(file, 'web-residue')).toContain(line);
  });

  it('seed-001: 22%o is a malformed number', async () => {
    expect(await lines('seed-001.txt', 'malformed-number')).toEqual([8]);
  });
});
