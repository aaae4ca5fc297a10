import { t, type MessageId } from '../i18n/messages.js';
import type { DocType, Level, Locale } from '../types.js';

export type RuleLevel = Level | 'off';
export type PresetName = 'recommended' | 'strict' | 'government-report';
export type RuleSetting = RuleLevel | { level?: RuleLevel; options?: Record<string, unknown>; extendOptions?: Record<string, unknown> };
export type LevelMap = Partial<Record<Level, RuleLevel>>;

/** The settings a configuration file or an override may carry. */
export interface Settings {
  rules?: Record<string, RuleSetting>;
  documentType?: DocType;
  year?: number;
  levelMap?: LevelMap;
}

export interface Override extends Settings {
  files: string | string[];
  excludedFiles?: string | string[];
}

/** A configuration file as written, after validation. */
export interface ConfigFile extends Settings {
  root?: boolean;
  extends?: PresetName | PresetName[];
  ruleDirs?: string[];
  ignores?: string[];
  overrides?: Override[];
  reportUnusedDisable?: RuleLevel;
}

/** A loaded configuration file: its folder anchors its globs and rule directories. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  dir: string;
  data: ConfigFile;
}

/** Where a setting was written: a file as shown to the user and the JSON pointer of the key in it. */
export interface SettingSource {
  file: string;
  pointer: string;
}

/** One rule's resolved setting, with where it was last set (for error messages). */
export interface ResolvedRule {
  level?: RuleLevel;
  options?: Record<string, unknown>;
  /** Lists to append to the rule's own, after `options` is merged. */
  extendOptions?: Record<string, unknown>;
  source: SettingSource;
}

/** What applies to one document; plain data, so it crosses to a worker thread and into the cache key. */
export interface ResolvedConfig {
  /** Configuration files that contributed, farthest first. */
  files: string[];
  rules: Record<string, ResolvedRule>;
  /** Absolute rule directories, in order. */
  ruleDirs: string[];
  documentType?: DocType;
  year?: number;
  levelMap: LevelMap;
  /** Level of findings for directives that suppress nothing; nearest configuration wins. */
  reportUnusedDisable?: RuleLevel;
}

/** A problem in words of the message table, so that the CLI can say it in the user's language. */
export interface LocalizedProblem {
  id: MessageId;
  values: Record<string, string | number>;
}

/** A configuration that cannot be used: names the file, the key (a JSON pointer) and what is allowed. */
export class ConfigError extends Error {
  readonly problem: string;
  readonly localized?: LocalizedProblem;

  constructor(
    readonly file: string,
    readonly pointer: string,
    problem: string | LocalizedProblem,
  ) {
    const text = typeof problem === 'string' ? problem : t('en', problem.id, problem.values);
    super(`${file}: ${pointer ? `${pointer} ` : ''}${text}`);
    this.problem = text;
    if (typeof problem !== 'string') this.localized = problem;
  }

  /** The message in the given locale (the English one where the problem has no translation). */
  inLocale(locale: Locale): string {
    const text = this.localized ? t(locale, this.localized.id, this.localized.values) : this.problem;
    return `${this.file}: ${this.pointer ? `${this.pointer} ` : ''}${text}`;
  }
}
