import path from 'node:path';
import { configIn, loadConfigFile } from './load.js';
import { PRESETS } from './presets.js';
import { assertRuleDirsInside } from './rule-dirs.js';
import type { LoadedConfig, Override, ResolvedConfig, Settings } from './types.js';

type Matcher = (relativePath: string) => boolean;

/**
 * Globs are relative to the configuration file's folder; one without a slash matches at any depth
 * (as in .gitignore), and a folder's glob matches everything under it.
 */
async function globMatcher(patterns: string | string[]): Promise<Matcher> {
  // Loaded with the first configuration that has globs.
  const { default: picomatch } = await import('picomatch');
  const list = (Array.isArray(patterns) ? patterns : [patterns]).flatMap((p) => {
    const clean = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
    const anchored = clean.includes('/') ? [clean] : [clean, `**/${clean}`];
    return anchored.flatMap((g) => [g, `${g}/**`]);
  });
  return picomatch(list, { dot: true });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Objects merged key by key; arrays and scalars replaced (what ESLint users expect of options), or
 * with `appendArrays` (extendOptions) arrays concatenated, so a list can grow without restating it.
 */
export function mergeOptions(base: Record<string, unknown>, extra: Record<string, unknown>, appendArrays = false): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prev = out[key];
    if (isObject(prev) && isObject(value)) out[key] = mergeOptions(prev, value, appendArrays);
    else if (appendArrays && Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
    else out[key] = value;
  }
  return out;
}

function applySettings(acc: ResolvedConfig, settings: Settings, file: string, prefix = ''): void {
  for (const [id, setting] of Object.entries(settings.rules ?? {})) {
    const source = { file, pointer: `${prefix}/rules/${id}` };
    const entry = (acc.rules[id] ??= { source });
    entry.source = source;
    if (typeof setting === 'string') {
      entry.level = setting;
      continue;
    }
    if (setting.level) entry.level = setting.level;
    if (setting.options) entry.options = mergeOptions(entry.options ?? {}, setting.options);
    if (setting.extendOptions) entry.extendOptions = mergeOptions(entry.extendOptions ?? {}, setting.extendOptions, true);
  }
  if (settings.documentType) acc.documentType = settings.documentType;
  if (settings.year !== undefined) acc.year = settings.year;
  if (settings.levelMap) acc.levelMap = { ...acc.levelMap, ...settings.levelMap };
}

interface Compiled {
  config: LoadedConfig;
  ignore?: Matcher;
  overrides: Array<{ override: Override; files: Matcher; excluded?: Matcher }>;
}

export interface Resolution {
  config: ResolvedConfig;
  /** The file matches an `ignores` glob of a configuration that applies to it. */
  ignored: boolean;
}

/**
 * Finds and merges the configuration of each document. Files are read once per folder; with
 * `explicit` (the --config option) that file alone applies and no folder is searched.
 */
export class ConfigResolver {
  private readonly chains = new Map<string, Promise<Compiled[]>>();
  private readonly byFile = new Map<string, Promise<Compiled>>();

  constructor(
    private readonly displayBase: string,
    private readonly explicitFile?: string,
    private readonly extraRuleDirs: string[] = [],
    /** --allow-outside-rules: a configuration's ruleDirs may lead out of its tree. */
    private readonly allowOutsideRuleDirs = false,
  ) {}

  private compiled(file: string): Promise<Compiled> {
    let c = this.byFile.get(file);
    if (!c) {
      c = this.load(file);
      this.byFile.set(file, c);
    }
    return c;
  }

  private async load(file: string): Promise<Compiled> {
    const config = await loadConfigFile(file, this.displayBase);
    if (!this.allowOutsideRuleDirs) assertRuleDirsInside(config, path.relative(this.displayBase, file) || file);
    const { ignores, overrides } = config.data;
    return {
      config,
      ignore: ignores?.length ? await globMatcher(ignores) : undefined,
      overrides: await Promise.all(
        (overrides ?? []).map(async (override) => ({
          override,
          files: await globMatcher(override.files),
          excluded: override.excludedFiles ? await globMatcher(override.excludedFiles) : undefined,
        })),
      ),
    };
  }

  /** Configurations that apply in `dir`, farthest first. */
  private chain(dir: string): Promise<Compiled[]> {
    if (this.explicitFile) return this.compiled(this.explicitFile).then((c) => [c]);
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = this.walk(dir);
      this.chains.set(dir, chain);
    }
    return chain;
  }

  private async walk(dir: string): Promise<Compiled[]> {
    const file = configIn(dir);
    const here = file ? await this.compiled(file) : undefined;
    const parent = path.dirname(dir);
    const above = here?.config.data.root || parent === dir ? [] : await this.chain(parent);
    return here ? [...above, here] : above;
  }

  async resolve(file: string): Promise<Resolution> {
    const abs = path.resolve(this.displayBase, file);
    const chain = await this.chain(path.dirname(abs));
    const config: ResolvedConfig = { files: [], rules: {}, ruleDirs: [...this.extraRuleDirs], levelMap: {} };
    let ignored = false;
    for (const { config: loaded, ignore, overrides } of chain) {
      const shown = path.relative(this.displayBase, loaded.file) || loaded.file;
      const rel = path.relative(loaded.dir, abs).split(path.sep).join('/');
      config.files.push(loaded.file);
      const presets = loaded.data.extends === undefined ? [] : [loaded.data.extends].flat();
      for (const name of presets) applySettings(config, PRESETS[name], `${shown} (extends ${name})`);
      applySettings(config, loaded.data, shown);
      if (loaded.data.reportUnusedDisable) config.reportUnusedDisable = loaded.data.reportUnusedDisable;
      if (loaded.data.maxTime !== undefined) config.maxTime = loaded.data.maxTime;
      for (const dir of loaded.data.ruleDirs ?? []) {
        const absDir = path.resolve(loaded.dir, dir);
        if (!config.ruleDirs.includes(absDir)) config.ruleDirs.push(absDir);
      }
      if (ignore?.(rel)) ignored = true;
      overrides.forEach(({ override, files, excluded }, i) => {
        if (files(rel) && !excluded?.(rel)) applySettings(config, override, shown, `/overrides/${i}`);
      });
    }
    return { config, ignored };
  }
}
