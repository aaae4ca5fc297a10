import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import ruleSchema from '../../schemas/rule.schema.json' with { type: 'json' };
import { RuleError, type RuleDefinition } from './definition.js';

// YAML and ajv are loaded only when rule files are read at run time (user rules, tests): the
// built-in rules reach the bundled CLI already parsed and validated (scripts/build.mjs).

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(ruleSchema);
  return validator;
}

/** One plain sentence per schema error; the branch errors of if/then and oneOf are noise. */
function describeSchemaError(e: ErrorObject): string {
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    case 'additionalProperties':
      return `has an unknown property "${e.params.additionalProperty}"`;
    case 'required':
      return `must have the property "${e.params.missingProperty}"`;
    default:
      return e.message ?? e.keyword;
  }
}

function schemaErrors(errors: ErrorObject[] | null | undefined): Array<{ pointer: string; problem: string }> {
  const useful = (errors ?? []).filter((e) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(e.keyword));
  // For oneOf between a string and an object, report the object branch when the value is an object.
  const seen = new Set<string>();
  const out: Array<{ pointer: string; problem: string }> = [];
  for (const e of useful.length ? useful : errors ?? []) {
    const pointer = e.instancePath || '/';
    const problem = describeSchemaError(e);
    const key = `${pointer} ${problem}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ pointer, problem });
    }
  }
  return out;
}

/** YAML text → a validated rule definition. Throws RuleError naming the file, the pointer and the problem. */
export function parseRule(text: string, file: string): RuleDefinition {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const at = err.linePos?.[0];
    const message = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new RuleError(file, at ? `line ${at.line}, column ${at.col}:` : '', `YAML syntax error: ${message}`);
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // The yaml library refuses aliases that expand without bound (a "billion laughs" file).
    throw new RuleError(file, '', `YAML cannot be read: ${(e as Error).message}`);
  }
  const v = validate();
  if (!v(data)) {
    const [first, ...more] = schemaErrors(v.errors);
    throw new RuleError(file, first.pointer, first.problem, more);
  }
  const rule = data as Omit<RuleDefinition, 'file'>;
  const self = rule.supersedes?.indexOf(rule.id) ?? -1;
  if (self !== -1) throw new RuleError(file, `/supersedes/${self}`, `a rule cannot supersede itself (${rule.id})`);
  return { ...rule, file };
}
