import { expect, it } from 'vitest';
import { lintString } from './lint.js';

/** The messages of one rule's findings on a text. */
export async function messagesOf(rule: string, text: string): Promise<string[]> {
  return (await lintString(text, { rule })).map((f) => f.message);
}

/**
 * A test per family of phrasing: its wrong variant is reported once, with what the message must say;
 * its right variants are not reported.
 */
export function families(rule: string, cases: Array<{ wrong: string; says: string; right: string[] }>): void {
  for (const { wrong, says, right } of cases) {
    it(wrong, async () => {
      const found = await messagesOf(rule, wrong);
      expect(found, wrong).toHaveLength(1);
      expect(found[0]).toContain(says);
      for (const text of right) expect(await messagesOf(rule, text), text).toEqual([]);
    });
  }
}
