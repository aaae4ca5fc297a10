// Types of confusion-planted.mjs for test/confusion.test.ts.
import type { CompiledRule } from '../src/rules/compile.js';
import type { lintText } from '../src/engine/lint.js';

export const FIXTURE: string;
export interface PlantedCounts {
  entries: number;
  ownExample: number;
  caught: number;
  silentWhenRight: number;
  valid: number;
  silentWhenValid: number;
}
export function plantedCheck(args: {
  lintText: typeof lintText;
  rules: CompiledRule[];
  generated?: Array<{ rule: CompiledRule; entry: { wrong: string; right: string } }>;
}): Promise<{ counts: Record<string, PlantedCounts>; failures: string[] }>;
export function generatedTraditional(rule: CompiledRule, entries: Array<{ wrong: string; right: string }>): Array<{ rule: CompiledRule; entry: { wrong: string; right: string } }>;
