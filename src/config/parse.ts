import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { jsonSyntaxProblem, schemaMessage, yamlSyntaxProblem, yamlUnreadableProblem } from '../i18n/parser-errors.js';
import type { MessageId } from '../i18n/messages.js';
import type { Problem } from '../i18n/problem.js';
import { ConfigError, type ConfigFile } from './types.js';

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(configSchema);
  return validator;
}

function quoteList(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** One sentence for the most specific schema error, saying what is allowed there. */
function describe(errors: ErrorObject[]): { pointer: string; problem: Problem } {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const candidates = errors.filter((e) => depth(e) === deepest && !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const pointer = (candidates[0] ?? errors[0]).instancePath || '/';
  // A rule setting is a oneOf of a level and an object: one message for both branches.
  if (/^(\/overrides\/\d+)?\/rules\/[^/]+$/.test(pointer) && !candidates.some((e) => e.keyword === 'additionalProperties')) {
    return { pointer, problem: { id: 'config.ruleSetting', values: {} } };
  }
  if (/\/overrides\/\d+\/(files|excludedFiles)$/.test(pointer)) return { pointer, problem: { id: 'config.globs' } };
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
      return { pointer, problem: { id: 'config.ruleIdCase' } };
    case 'type':
      return { pointer, problem: { id: 'config.type', values: { type: { id: `type.${String(e.params.type).split(',')[0]}` as MessageId } } } };
    default:
      return { pointer, problem: schemaMessage(e) };
  }
}

/** Parses and validates configuration text; `file` names it in errors. */
export function parseConfig(text: string, file: string): ConfigFile {
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, '', jsonSyntaxProblem(e as Error, text));
    }
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter });
    if (doc.errors.length) {
      const err = doc.errors[0];
      const at = lineCounter.linePos(err.pos[0]);
      throw new ConfigError(file, '', yamlSyntaxProblem(err, at.line, at.col));
    }
    try {
      data = doc.toJS() ?? {};
    } catch (e) {
      // The yaml library refuses aliases that expand without bound (a "billion laughs" file).
      throw new ConfigError(file, '', yamlUnreadableProblem(e as Error));
    }
  }
  const v = validate();
  if (!v(data)) {
    const { pointer, problem } = describe(v.errors ?? []);
    throw new ConfigError(file, pointer, problem);
  }
  return data as ConfigFile;
}

