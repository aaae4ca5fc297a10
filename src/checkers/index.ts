import { claimChecker } from './claim.js';
import { patternChecker } from './pattern.js';
import { requiredSectionChecker } from './required-section.js';
import type { Checker } from './types.js';

/** Every checker type a rule file may name; the rule schema's `type` enum lists the same. */
export const CHECKERS: ReadonlyMap<string, Checker> = new Map(
  [patternChecker, requiredSectionChecker, claimChecker].map((c) => [c.type, c]),
);
