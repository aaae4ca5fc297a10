import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { ConfigError, type ConfigFile, type LocalizedProblem } from './types.js';

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(configSchema);
  return validator;
}

function quoteList(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** One sentence for the most specific schema error, saying what is allowed there. */
function describe(errors: ErrorObject[]): { pointer: string; problem: string | LocalizedProblem } {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const candidates = errors.filter((e) => depth(e) === deepest && !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const pointer = (candidates[0] ?? errors[0]).instancePath || '/';
  // A rule setting is a oneOf of a level and an object: one message for both branches.
  if (/^(\/overrides\/\d+)?\/rules\/[^/]+$/.test(pointer) && !candidates.some((e) => e.keyword === 'additionalProperties')) {
    return { pointer, problem: { id: 'config.ruleSetting', values: {} } };
  }
  if (/\/overrides\/\d+\/(files|excludedFiles)$/.test(pointer)) return { pointer, problem: 'must be a glob or a non-empty list of globs' };
  const e = candidates.find((c) => c.keyword === 'additionalProperties') ?? candidates[0] ?? errors[0];
  switch (e.keyword) {
    case 'enum':
      return { pointer, problem: { id: 'config.enum', values: { values: quoteList(e.params.allowedValues as unknown[]) } } };
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      const key = String(e.params.additionalProperty);
      return { pointer, problem: allowed.length ? { id: 'config.unknownKeyAllowed', values: { key, allowed: allowed.join(', ') } } : { id: 'config.unknownKey', values: { key } } };
    }
    case 'required':
      return { pointer, problem: { id: 'config.required', values: { key: String(e.params.missingProperty) } } };
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
export function parseConfig(text: string, file: string): ConfigFile {
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, '', `JSON syntax error: ${(e as Error).message}`);
    }
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter });
    if (doc.errors.length) {
      const err = doc.errors[0];
      const at = lineCounter.linePos(err.pos[0]);
      throw new ConfigError(file, `line ${at.line}, column ${at.col}:`, `YAML syntax error: ${err.message.split('\n')[0]}`);
    }
    try {
      data = doc.toJS() ?? {};
    } catch (e) {
      // The yaml library refuses aliases that expand without bound (a "billion laughs" file).
      throw new ConfigError(file, '', `YAML cannot be read: ${(e as Error).message}`);
    }
  }
  const v = validate();
  if (!v(data)) {
    const { pointer, problem } = describe(v.errors ?? []);
    throw new ConfigError(file, pointer, problem);
  }
  return data as ConfigFile;
}

