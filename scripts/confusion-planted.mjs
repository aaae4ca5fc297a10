// The planted check of the confusion rules (misspelling, variant-form, word-confusion,
// renamed-institution, traditional-character): every entry's wrong form is written into a correct
// document (test/fixtures/confusion/clean-summary.txt) and must be reported there, at its place and
// with its right form; the same sentence with the right form must be silent, and so must every
// sentence an entry lists as valid. Entries without an example sentence of their own are planted
// in a neutral frame sentence.
//
//   node scripts/confusion-planted.mjs        (after npm run build; prints the counts)
// test/confusion-planted.test.ts runs the same check on the sources.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('../test/fixtures/confusion/clean-summary.txt', import.meta.url));

/** Sentences for entries that bring none: the wrong form alone, in a plain official sentence. */
const FRAMES = ['会议指出，{w}的情况要引起高度重视。', '报告中{w}一词出现两次，已逐一核对。', '今年以来，各村围绕{w}开展了专题讨论。'];

/** The entries of one confusion rule with the sentence each is planted in (generated entries: a frame). */
function plantings(rule) {
  const options = rule.definition.options ?? {};
  return (options.entries ?? []).map((entry, i) => ({
    entry,
    own: Boolean(entry.example),
    sentence: entry.example ?? FRAMES[i % FRAMES.length].replace('{w}', entry.wrong),
  }));
}

/** Inserts `sentence` as a paragraph after line `k` (1-based, past the title) of the fixture. */
function plant(lines, k, sentence) {
  const at = 1 + (k % (lines.length - 1));
  const before = lines.slice(0, at + 1).join('\n') + '\n';
  return { text: before + sentence + '\n' + lines.slice(at + 1).join('\n'), offset: before.length };
}

/**
 * Runs the check. `lintText` and `rules` come from the sources (tests) or dist (this script);
 * `extra` entries are generated ones to plant too (traditional characters), as {rule, entry}.
 */
export async function plantedCheck({ lintText, rules, generated = [] }) {
  const lines = fs.readFileSync(FIXTURE, 'utf8').replace(/\n$/, '').split('\n');
  const clean = lines.join('\n');
  const failures = [];
  const counts = {};
  const findingsOf = async (text, rule) => (await lintText(text, 'text', { rules: [rule] })).findings.filter((f) => f.ruleId === rule.definition.id);

  for (const rule of rules) {
    const id = rule.definition.id;
    const c = (counts[id] = { entries: 0, ownExample: 0, caught: 0, silentWhenRight: 0, valid: 0, silentWhenValid: 0 });
    const base = await findingsOf(clean, rule);
    if (base.length) failures.push(`${id}: the clean fixture has findings: ${base.map((f) => clean.slice(f.start, f.end)).join(', ')}`);
    const items = [...plantings(rule), ...generated.filter((g) => g.rule === rule).map((g, i) => ({ entry: g.entry, own: false, sentence: FRAMES[i % FRAMES.length].replace('{w}', g.entry.wrong) }))];
    let k = 0;
    for (const { entry, own, sentence } of items) {
      c.entries++;
      if (own) c.ownExample++;
      const at = sentence.indexOf(entry.wrong);
      if (at < 0) {
        failures.push(`${id}: the example of ${entry.wrong} does not contain it: ${sentence}`);
        continue;
      }
      const wrong = plant(lines, k++, sentence);
      const start = wrong.offset + at;
      const hit = (await findingsOf(wrong.text, rule)).find((f) => f.start === start && f.end === start + entry.wrong.length);
      if (hit && hit.message.includes(entry.right)) c.caught++;
      else failures.push(`${id}: ${entry.wrong} → ${entry.right} not reported in: ${sentence}`);
      const corrected = sentence.slice(0, at) + entry.right + sentence.slice(at + entry.wrong.length);
      const right = plant(lines, k, corrected);
      const after = await findingsOf(right.text, rule);
      if (after.length === 0) c.silentWhenRight++;
      else failures.push(`${id}: ${entry.wrong} → ${entry.right}: the corrected sentence is reported (${after.map((f) => right.text.slice(f.start, f.end)).join(', ')}): ${corrected}`);
      for (const v of entry.valid ?? []) {
        c.valid++;
        const doc = plant(lines, k, v);
        const found = await findingsOf(doc.text, rule);
        if (found.length === 0) c.silentWhenValid++;
        else failures.push(`${id}: ${entry.wrong}: a valid sentence is reported (${found.map((f) => doc.text.slice(f.start, f.end)).join(', ')}): ${v}`);
      }
    }
  }
  return { counts, failures };
}

/** The traditional characters the rule generates (`entries`: the library's traditionalEntries()), as plantable entries. */
export function generatedTraditional(rule, entries) {
  const allow = new Set(rule.definition.options?.allow ?? []);
  return entries.filter((e) => !allow.has(e.wrong)).map((e) => ({ rule, entry: { wrong: e.wrong, right: e.right.split('/')[0] } }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { lintText, loadRules, traditionalEntries } = await import('../dist/index.js');
  const rules = (await loadRules()).filter((r) => r.definition.type === 'confusion');
  const traditional = rules.find((r) => r.definition.options?.generate === 'traditional');
  const generated = traditional ? generatedTraditional(traditional, await traditionalEntries()) : [];
  const { counts, failures } = await plantedCheck({ lintText, rules, generated });
  for (const [id, c] of Object.entries(counts)) {
    console.log(`${id.padEnd(22)} entries ${c.entries} (own example ${c.ownExample}); caught ${c.caught}/${c.entries}; silent when corrected ${c.silentWhenRight}/${c.entries}; valid sentences silent ${c.silentWhenValid}/${c.valid}`);
  }
  for (const f of failures) console.log(`FAIL ${f}`);
  process.exitCode = failures.length ? 1 : 0;
}
