import { describe, expect, it } from 'vitest';
import { MESSAGES, t, type MessageId } from '../src/i18n/messages.js';
import { UI, ui, type UiId } from '../web/src/i18n.js';

// English counts agree with their number in every message of the CLI and the web page: "1 problem",
// "2 problems", never "1 problems" or "0 infos".
const COUNTED = /\b1 (?:[a-z-]+ )?(?:problems|errors|warnings|infos|files|rules|fixes|comments|changes|links|rates|claims)\b|\binfos\b|\(s\)/;

// Placeholders that hold a name or a text, not a count.
const NOT_COUNTS = new Set(['detail', 'file', 'name', 'host', 'port', 'ref', 'rule', 'encoding', 'version', 'id', 'key', 'format', 'kind']);

/** Every count in a template set to the same value, every other placeholder to a word. */
function allSetTo(template: string, value: number): Record<string, number | string> {
  return Object.fromEntries([...template.matchAll(/\{(\w+)[}|]/g)].map((m) => [m[1], NOT_COUNTS.has(m[1]) ? 'Word' : value]));
}

describe('English plurals', () => {
  it('every CLI message reads right with counts of one and of two', () => {
    const wrong = (Object.keys(MESSAGES) as MessageId[]).map((id) => t('en', id, allSetTo(MESSAGES[id].en, 1))).filter((m) => COUNTED.test(m));
    expect(wrong).toEqual([]);
    expect(t('en', 'fix.hard-link', { n: 2 })).toContain('2 other hard links, which keep');
  });

  it('every message of the web page reads right with counts of one and of two', () => {
    const wrong = (Object.keys(UI) as UiId[]).map((id) => ui('en', id, allSetTo(UI[id].en, 1))).filter((m) => COUNTED.test(m));
    expect(wrong).toEqual([]);
    expect(ui('en', 'status.problems', { total: 1, error: 1, warning: 0, info: 0, ms: 3 })).toBe('1 problem: 1 error, 0 warnings, 0 info · 3 ms');
    expect(ui('en', 'report.counts', { total: 2, error: 1, warning: 1, info: 0 })).toBe('2 problems: 1 error, 1 warning, 0 info');
    expect(ui('zh', 'status.problems', { total: 1, error: 1, warning: 0, info: 0, ms: 3 })).toBe('1 个问题：1 个错误，0 个警告，0 个提示 · 用时 3 毫秒');
  });
});
