import { CHECKERS } from '../checkers/index.js';
import type { Check } from '../checkers/types.js';
import { RuleError, type RuleDefinition } from '../rules/definition.js';
import { builtinDefinitions } from '../rules/builtin.js';
import type { CompiledRule } from '../rules/compile.js';
import { readRuleDir } from '../rules/read-dir.js';
import type { Level } from '../types.js';
import { nearest } from '../i18n/nearest.js';
import { mergeOptions } from './resolve.js';
import { ConfigError, type ResolvedConfig, type ResolvedRule, type RuleLevel } from './types.js';

export interface PreparedRules {
  rules: CompiledRule[];
  levels: Map<string, RuleLevel>;
}

/**
 * Turns a resolved configuration into runnable rules. Rule files are read once per folder and each
 * rule is compiled once per distinct options, so a thousand documents under a handful of
 * configurations compile a handful of rule sets.
 */
export class RuleRegistry {
  private builtin?: Promise<RuleDefinition[]>;
  private readonly dirs = new Map<string, Promise<RuleDefinition[]>>();
  private readonly checks = new Map<string, Promise<Check>>();
  private readonly sets = new Map<string, Promise<PreparedRules>>();

  constructor(private readonly displayBase: string) {}

  /** The built-in rules and those of `ruleDirs`; throws RuleError for a bad rule file or a duplicate id. */
  async definitions(ruleDirs: string[]): Promise<RuleDefinition[]> {
    this.builtin ??= builtinDefinitions();
    const parts = [this.builtin];
    for (const dir of ruleDirs) {
      let d = this.dirs.get(dir);
      if (!d) this.dirs.set(dir, (d = readRuleDir(dir, this.displayBase)));
      parts.push(d);
    }
    const defs = (await Promise.all(parts)).flat();
    const seen = new Map<string, RuleDefinition>();
    for (const def of defs) {
      const other = seen.get(def.id);
      if (other) throw new RuleError(def.file, '/id', { id: 'rule.duplicateId', values: { id: def.id, other: other.file } });
      seen.set(def.id, def);
    }
    return defs;
  }

  prepare(config: ResolvedConfig): Promise<PreparedRules> {
    // Where a setting came from only matters for messages; equal settings share one rule set.
    const key = JSON.stringify([config.ruleDirs, config.rules, config.levelMap], (k, v: unknown) => (k === 'source' ? undefined : v));
    let set = this.sets.get(key);
    if (!set) {
      set = this.build(config);
      this.sets.set(key, set);
    }
    return set;
  }

  private async build(config: ResolvedConfig): Promise<PreparedRules> {
    const defs = await this.definitions(config.ruleDirs);
    const ids = new Set(defs.map((d) => d.id));
    for (const [id, setting] of Object.entries(config.rules)) {
      if (ids.has(id)) continue;
      const guess = nearest(id, [...ids]);
      throw new ConfigError(setting.source.file, setting.source.pointer, guess ? { id: 'config.unknownRuleGuess', values: { id, guess } } : { id: 'config.unknownRule', values: { id } });
    }
    const levels = new Map<string, RuleLevel>();
    const rules: CompiledRule[] = [];
    for (const def of defs) {
      const setting = config.rules[def.id];
      const level = setting?.level ?? config.levelMap[def.severity as Level] ?? def.severity;
      levels.set(def.id, level);
      if (level === 'off') continue;
      const definition = setting?.options || setting?.extendOptions ? await configured(def, setting) : def;
      rules.push({ definition, check: await this.compile(definition, setting) });
    }
    return { rules, levels };
  }

  private compile(definition: RuleDefinition, setting: ResolvedRule | undefined): Promise<Check> {
    const key = `${definition.file}\0${definition.id}\0${JSON.stringify(definition.options ?? null)}`;
    let check = this.checks.get(key);
    if (!check) {
      check = Promise.resolve()
        .then(() => CHECKERS.get(definition.type)!.compile(definition))
        .catch((e: unknown) => {
          throw setting && (setting.options || setting.extendOptions) && e instanceof RuleError ? inConfig(e, setting) : e;
        });
      this.checks.set(key, check);
    }
    return check;
  }
}

/** A RuleError about merged options is the configuration's fault: point at the config key that set them. */
function inConfig(e: RuleError, setting: ResolvedRule): ConfigError {
  const inner = e.pointer.startsWith('/options') ? e.pointer.slice('/options'.length) : '';
  const top = inner.split('/')[1];
  const key = top !== undefined && setting.extendOptions && top in setting.extendOptions && !(setting.options && top in setting.options) ? 'extendOptions' : 'options';
  return new ConfigError(setting.source.file, `${setting.source.pointer}/${key}${inner}`, e.problem);
}

/** The rule with the configuration's options merged in, validated against the rule schema's block for its type. */
async function configured(def: RuleDefinition, setting: ResolvedRule): Promise<RuleDefinition> {
  const { file, ...data } = def;
  const replaced = mergeOptions(def.options ?? {}, setting.options ?? {});
  const merged = { ...data, options: setting.extendOptions ? mergeOptions(replaced, setting.extendOptions, true) : replaced };
  // The validator (YAML, ajv) loads only when a configuration sets options.
  const { parseRule } = await import('../rules/parse-rule.js');
  try {
    // JSON is YAML, so the rule file validator checks the merged options exactly as it checks rule files.
    const rule = parseRule(JSON.stringify(merged), file);
    // Patterns the configuration brings are checked like a rule file's (the rule's own already were).
    const { assertSafeRegexes, regexSites } = await import('../rules/safe-regex.js');
    await assertSafeRegexes([rule], new Set(regexSites(def).map((s) => s.source)));
    return rule;
  } catch (e) {
    if (e instanceof RuleError) throw inConfig(e, setting);
    throw e;
  }
}
