// Property-based tests (fast-check). A short run here; `npm run fuzz` runs the same properties
// longer (FUZZ_RUNS) and adds the shared corpus, when present, to the documents it mutates.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import type { CompiledRule } from '../src/rules/compile.js';
import { compileRules } from '../src/rules/compile.js';
import { RuleError } from '../src/rules/definition.js';
import { parseRule } from '../src/rules/parse-rule.js';
import { assertSafeRegexes } from '../src/rules/safe-regex.js';
import { format, mutatedDocument, ruleFiles, unicodeText } from './fuzz/arbitraries.js';
import { applyFixes, checkDocument, FuzzStats } from './fuzz/invariants.js';
import { SEEDS, type SeedDocument } from './fuzz/seeds.js';
import { builtinRules } from './helpers/lint.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** The long run (npm run fuzz) also draws patterns that can backtrack, gated by the regex safety check. */
const LONG = process.env.FUZZ_RUNS !== undefined;
const params = (runs: number): fc.Parameters<unknown> => ({
  numRuns: runs,
  ...(process.env.FUZZ_SEED && { seed: Number(process.env.FUZZ_SEED) }),
});

function corpusSeeds(): SeedDocument[] {
  const dir = process.env.FUZZ_CORPUS;
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => /\.(txt|md)$/.test(n))
    .map((n) => ({ text: fs.readFileSync(path.join(dir, n), 'utf8'), format: n.endsWith('.md') ? ('markdown' as const) : ('text' as const) }));
}

const stats = new FuzzStats();
let rules: CompiledRule[];

beforeAll(async () => {
  rules = await builtinRules();
  // Load the lazily imported parsers before any document is timed.
  for (const seed of SEEDS) await checkDocument(seed.text, seed.format, rules, new FuzzStats());
});

afterAll(() => {
  console.log(`fuzz: ${stats.summary()}`);
});

describe('fuzz: the engine over arbitrary input', () => {
  it('any Unicode string, as text and as Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(unicodeText, format, (text, fmt) => checkDocument(text, fmt, rules, stats)),
      params(RUNS * 3),
    );
  });

  it('written documents mutated at random (ordinals, digits, punctuation, placeholders)', async () => {
    const seeds = [...SEEDS, ...corpusSeeds()];
    await fc.assert(
      fc.asyncProperty(mutatedDocument(seeds), (doc) => checkDocument(doc.text, doc.format, rules, stats)),
      params(RUNS * 4),
    );
  });

  // The claim under test: a rule file that passes the load-time checks (schema, regex safety)
  // lints any document in bounded time. Random patterns such as `[^。]*\s*X` can backtrack
  // polynomially; the safety check must refuse them, and the property skips what it refuses.
  it('random valid rule files over mutated documents', async () => {
    await fc.assert(
      fc.asyncProperty(ruleFiles(LONG), mutatedDocument(SEEDS), async (definitions, doc) => {
        const parsed = definitions.map((d, i) => parseRule(JSON.stringify(d), `fuzz-${i}.yaml`));
        if (LONG) {
          let safe = true;
          try {
            assertSafeRegexes(parsed);
          } catch (e) {
            if (!(e instanceof RuleError)) throw e;
            stats.refusedRules++;
            safe = false;
          }
          fc.pre(safe);
        }
        const compiled = await compileRules(parsed);
        await checkDocument(doc.text, doc.format, compiled, stats, false);
      }),
      params(LONG ? Math.ceil(RUNS / 10) : RUNS),
    );
  });
});

describe('fuzz findings, kept as regressions', () => {
  it('a garbled bracketed ordinal among ASCII ones is fixed to the full-width form in one pass', async () => {
    const text = '（-）总体要求\n(二)重点任务\n(三)保障措施\n';
    const { findings } = await lintText(text, 'text', { rules });
    expect(findings.find((f) => f.ruleId === 'heading-ordinal-format')?.fix?.text).toBe('（一）');
    await checkDocument(text, 'text', rules, new FuzzStats());
  });

  it('a span cut at a fixed length does not end inside a surrogate pair', async () => {
    const text = `${'甲'.repeat(29)}😀，乙丙丁。\n第二段。\n第三段。\n第四段。\n`;
    const { findings } = await lintText(text, 'text', { rules });
    expect(findings.find((f) => f.ruleId === 'missing-title')).toMatchObject({ start: 0, end: 31 });
    await checkDocument(text, 'text', rules, new FuzzStats());
  });
  it('a pattern that can match the empty string does not loop before an emoji', async () => {
    const rule = parseRule(
      JSON.stringify({
        id: 'optional-x', type: 'pattern', severity: 'info', message: { zh: '甲', en: 'a' },
        docs: { summary: { zh: '甲', en: 'a' }, what: '甲', why: '甲', source: '甲' },
        examples: { valid: [], invalid: ['X'] },
        options: { patterns: [{ regex: 'X?' }], ignore: ['Y?'] },
      }),
      'optional-x.yaml',
    );
    const compiled = await compileRules([rule]);
    // Through the watchdog first: were the loop back, this would end the run with a message, not stall it.
    await checkDocument('[😀X😀', 'text', compiled, new FuzzStats());
    const { findings } = await lintText('[😀X😀', 'text', { rules: compiled });
    expect(findings.map((f) => [f.start, f.end])).toEqual([[3, 4]]);
  });
});

describe('fuzz helpers', () => {
  it('apply non-overlapping fixes and say where each landed', () => {
    const f = (start: number, end: number, text: string) => ({ ruleId: 'r', level: 'error' as const, message: 'm', start, end, fix: { start, end, text } });
    const out = applyFixes('abcdef', [f(4, 5, 'XYZ'), f(1, 2, ''), f(1, 3, 'no')]);
    expect(out.text).toBe('acdXYZf');
    expect(out.applied).toEqual([
      { ruleId: 'r', start: 1, end: 1 },
      { ruleId: 'r', start: 3, end: 6 },
    ]);
  });
});
