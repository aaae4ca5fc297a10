import { claimChecker } from './claim.js';
import { confusionChecker } from './confusion.js';
import { datesChecker } from './dates.js';
import { documentTitleChecker } from './document-title.js';
import { duplicateTextChecker } from './duplicate-text.js';
import { enumerationChecker } from './enumeration.js';
import { headingFormatChecker } from './heading-format.js';
import { headingSequenceChecker } from './heading-sequence.js';
import { pairsChecker } from './pairs.js';
import { patternChecker } from './pattern.js';
import { periodChecker } from './period.js';
import { punctuationWidthChecker } from './punctuation-width.js';
import { requiredSectionChecker } from './required-section.js';
import { residueChecker } from './residue.js';
import { termTableChecker } from './term-table.js';
import type { Checker } from './types.js';

/** Every checker type a rule file may name; the rule schema's `type` enum lists the same. */
export const CHECKERS: ReadonlyMap<string, Checker> = new Map(
  [
    patternChecker,
    residueChecker,
    requiredSectionChecker,
    // The reviewer's rule pack (structure, timeliness, GB/T norms).
    headingSequenceChecker,
    headingFormatChecker,
    enumerationChecker,
    duplicateTextChecker,
    documentTitleChecker,
    periodChecker,
    termTableChecker,
    pairsChecker,
    datesChecker,
    punctuationWidthChecker,
    // Wrong characters and words (错别字, 异形词, 繁体字) from tables of confusions.
    confusionChecker,
    // Numeric consistency (src/extract).
    claimChecker,
  ].map((c) => [c.type, c]),
);
