import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import ruleSchema from '../../schemas/rule.schema.json' with { type: 'json' };
import { schemaMessage, yamlSyntaxProblem, yamlUnreadableProblem } from '../i18n/parser-errors.js';
import { problemIn, type Problem } from '../i18n/problem.js';
import { RuleError, type RuleDefinition } from './definition.js';

// YAML and ajv are loaded only when rule files are read at run time (user rules, tests): the
// built-in rules reach the bundled CLI already parsed and validated (scripts/build.mjs).

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(ruleSchema);
  return validator;
}

/** One plain sentence per schema error; the branch errors of if/then and oneOf are noise. */
function describeSchemaError(e: ErrorObject): Problem {
  switch (e.keyword) {
    case 'enum':
      return { id: 'rule.enum', values: { values: (e.params.allowedValues as unknown[]).join(', ') } };
    case 'additionalProperties':
      return { id: 'rule.unknownProperty', values: { key: String(e.params.additionalProperty) } };
    case 'required':
      return { id: 'rule.required', values: { key: String(e.params.missingProperty) } };
    default:
      return schemaMessage(e);
  }
}

function schemaErrors(errors: ErrorObject[] | null | undefined): Array<{ pointer: string; problem: Problem }> {
  const useful = (errors ?? []).filter((e) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(e.keyword));
  // For oneOf between a string and an object, report the object branch when the value is an object.
  const seen = new Set<string>();
  const out: Array<{ pointer: string; problem: Problem }> = [];
  for (const e of useful.length ? useful : errors ?? []) {
    const pointer = e.instancePath || '/';
    const problem = describeSchemaError(e);
    const key = `${pointer} ${problemIn(problem, 'en')}`;
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
    throw new RuleError(file, '', at ? yamlSyntaxProblem(err, at.line, at.col) : { id: 'parse.yamlUnreadable', values: { detail: err.message.split('\n')[0] } });
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // The yaml library refuses aliases that expand without bound (a "billion laughs" file).
    throw new RuleError(file, '', yamlUnreadableProblem(e as Error));
  }
  const v = validate();
  if (!v(data)) {
    const [first, ...more] = schemaErrors(v.errors);
    throw new RuleError(file, first.pointer, first.problem, more);
  }
  const rule = data as Omit<RuleDefinition, 'file'>;
  const self = rule.supersedes?.indexOf(rule.id) ?? -1;
  if (self !== -1) throw new RuleError(file, `/supersedes/${self}`, { id: 'rule.supersedesSelf', values: { id: rule.id } });
  return { ...rule, file };
}
