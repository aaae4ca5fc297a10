/** Shared data types. Offsets are UTF-16 code unit indices into the decoded text, [start, end). */

export type Level = 'error' | 'warning' | 'info';
export const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

export type Locale = 'zh' | 'en';

/** A string in both interface languages; Chinese is required, English falls back to Chinese. */
export interface Localized {
  zh: string;
  en?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Fix {
  /** Replace [start, end) of the original text with `text`. */
  start: number;
  end: number;
  text: string;
}

export type EvidenceValue = string | number | boolean | null;

export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  start: number;
  end: number;
  /** Named values the rule used (numbers, the matched text …); SARIF carries them as properties. */
  evidence?: Record<string, EvidenceValue>;
  fix?: Fix;
}

export type SourceFormat = 'text' | 'markdown';

export type DocType = 'summary' | 'government-report' | 'plan' | 'other';
