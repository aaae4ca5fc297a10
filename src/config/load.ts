import fs from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError, type ConfigFile, type LoadedConfig } from './types.js';

/** Names looked for in each folder, in order of preference. */
export const CONFIG_NAMES = ['gongwen-lint.config.json', '.gongwenlintrc.yaml', '.gongwenlintrc.yml'];

// YAML and the schema compiler load only when a configuration file is found: start-up matters.
let validator: Promise<ValidateFunction> | undefined;
function validate(): Promise<ValidateFunction> {
  validator ??= Promise.all([import('ajv'), import('../../schemas/config.schema.json', { with: { type: 'json' } })]).then(
    ([{ Ajv }, schema]) => new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema.default),
  );
  return validator;
}

const RULE_SETTING = 'must be "off", "info", "warning", "error" or an object with "level", "options" and/or "extendOptions"';

function quoteList(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** One sentence for the most specific schema error, saying what is allowed there. */
function describe(errors: ErrorObject[]): { pointer: string; problem: string } {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const candidates = errors.filter((e) => depth(e) === deepest && !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const pointer = (candidates[0] ?? errors[0]).instancePath || '/';
  // A rule setting is a oneOf of a level and an object: one message for both branches.
  if (/^(\/overrides\/\d+)?\/rules\/[^/]+$/.test(pointer) && !candidates.some((e) => e.keyword === 'additionalProperties')) {
    return { pointer, problem: RULE_SETTING };
  }
  const e = candidates.find((c) => c.keyword === 'additionalProperties') ?? candidates[0] ?? errors[0];
  switch (e.keyword) {
    case 'enum':
      return { pointer, problem: `must be one of ${quoteList(e.params.allowedValues as unknown[])}` };
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      return { pointer, problem: `has an unknown key "${e.params.additionalProperty}"${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}` };
    }
    case 'required':
      return { pointer, problem: `must have the key "${e.params.missingProperty}"` };
    case 'propertyNames':
    case 'pattern':
      return { pointer, problem: 'rule ids are kebab-case (e.g. no-placeholder)' };
    case 'type':
      return { pointer, problem: `must be ${e.params.type === 'object' ? 'an object' : e.params.type === 'array' ? 'a list' : `a ${e.params.type}`}` };
    default:
      return { pointer, problem: e.message ?? e.keyword };
  }
}

/** Parses and validates configuration text; `file` names it in errors. */
export async function parseConfig(text: string, file: string): Promise<ConfigFile> {
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, '', `JSON syntax error: ${(e as Error).message}`);
    }
  } else {
    const { LineCounter, parseDocument } = await import('yaml');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter });
    if (doc.errors.length) {
      const err = doc.errors[0];
      const at = lineCounter.linePos(err.pos[0]);
      throw new ConfigError(file, `line ${at.line}, column ${at.col}:`, `YAML syntax error: ${err.message.split('\n')[0]}`);
    }
    data = doc.toJS() ?? {};
  }
  const v = await validate();
  if (!v(data)) {
    const { pointer, problem } = describe(v.errors ?? []);
    throw new ConfigError(file, pointer, problem);
  }
  return data as ConfigFile;
}

export async function loadConfigFile(file: string, displayBase: string): Promise<LoadedConfig> {
  const shown = path.relative(displayBase, file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(shown, '', `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { file, dir: path.dirname(file), data: await parseConfig(text.replace(/^\ufeff/, ''), shown) };
}

/** The configuration file of a folder, if it has one. */
export function configIn(dir: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}
