import type { DocumentModel } from '../model/document.js';
import type { Bilingual, RuleDefinition } from '../rules/definition.js';
import type { EvidenceValue, Fix, Level } from '../types.js';

/** What a checker reports; the engine adds the rule id, level and the localized message. */
export interface Hit {
  start: number;
  end: number;
  evidence?: Record<string, EvidenceValue>;
  /** Replaces the rule's message (a pattern may carry its own). */
  message?: Bilingual;
  fix?: Fix;
  /** This hit's own level, used while the configuration leaves the rule at its shipped severity. */
  level?: Level;
}

export type Check = (model: DocumentModel, emit: (hit: Hit) => void) => void;

/** A checker type: validates and compiles a rule's options once, returns the function run per document. */
export interface Checker {
  type: string;
  compile(rule: RuleDefinition): Check | Promise<Check>;
}
