import { located, type Problem } from '../i18n/problem.js';
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
  /** Seconds one document may take (0: no limit); --max-time overrides it. */
  maxTime?: number;
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
  /** Seconds one document may take (0: no limit); nearest configuration wins. */
  maxTime?: number;
}

/** A configuration that cannot be used: names the file, the key (a JSON pointer) and what is allowed. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: Problem,
  ) {
    super(located(file, pointer, problem, 'en'));
  }

  /** The message in the given locale. */
  inLocale(locale: Locale): string {
    return located(this.file, this.pointer, this.problem, locale);
  }
}
