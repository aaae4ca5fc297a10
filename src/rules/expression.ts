import {
  absDependencies,
  addDependencies,
  andDependencies,
  create,
  divideDependencies,
  equalDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
} from 'mathjs/number';

/**
 * Arithmetic conditions in rule files (`where: "value > 100"`), compiled once by a mathjs instance
 * built only from the factories conditions need. The instance itself stays private to this module:
 * rule text reaches it only through `compileCondition`, which accepts a whitelisted expression
 * tree — numbers, variables, operators, parentheses, ?: and a short list of functions. Assignment,
 * property access, function definitions, matrices, strings and units are refused when the rule is
 * loaded; import, createUnit, evaluate and parse are not functions the instance has.
 */
const math = create({
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  absDependencies,
  roundDependencies,
  minDependencies,
  maxDependencies,
  largerDependencies,
  largerEqDependencies,
  smallerDependencies,
  smallerEqDependencies,
  equalDependencies,
  unequalDependencies,
  andDependencies,
  orDependencies,
  notDependencies,
});

/** Allowed functions with their [fewest, most] arguments: a wrong count is refused at load, not thrown per document. */
const ARITY: ReadonlyMap<string, [number, number]> = new Map([
  ['abs', [1, 1]],
  ['round', [1, 2]],
  ['min', [1, Infinity]],
  ['max', [1, Infinity]],
]);
const FUNCTIONS = new Set(ARITY.keys());
const OPERATORS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus',
  'larger', 'largerEq', 'smaller', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not',
]);
const MAX_LENGTH = 500;

export type Condition = (scope: Record<string, number>) => boolean;

interface MathNode {
  type: string;
  name?: string;
  op?: string;
  fn?: string | MathNode;
  value?: unknown;
  args?: MathNode[];
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
}

function check(node: MathNode, variables: ReadonlySet<string>): void {
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value !== 'number' && typeof node.value !== 'boolean') throw new Error('only numbers and true/false are allowed as constants');
      return;
    case 'SymbolNode':
      if (!variables.has(node.name!)) throw new Error(`unknown name "${node.name}" (known: ${[...variables].join(', ') || 'none'})`);
      return;
    case 'ParenthesisNode':
      return check(node.content!, variables);
    case 'ConditionalNode':
      check(node.condition!, variables);
      check(node.trueExpr!, variables);
      return check(node.falseExpr!, variables);
    case 'OperatorNode':
      if (!OPERATORS.has(node.fn as string)) throw new Error(`operator "${node.op ?? String(node.fn)}" is not allowed`);
      return node.args!.forEach((a) => check(a, variables));
    case 'FunctionNode': {
      const fn = node.fn as MathNode;
      if (fn.type !== 'SymbolNode' || !FUNCTIONS.has(fn.name!)) {
        throw new Error(`function "${fn.name ?? '?'}" is not allowed (allowed: ${[...FUNCTIONS].join(', ')})`);
      }
      const [fewest, most] = ARITY.get(fn.name!)!;
      const n = node.args!.length;
      if (n < fewest || n > most) {
        throw new Error(`function "${fn.name}" takes ${fewest === most ? fewest : most === Infinity ? `at least ${fewest}` : `${fewest} or ${most}`} argument(s), not ${n}`);
      }
      return node.args!.forEach((a) => check(a, variables));
    }
    default:
      throw new Error(`${node.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`);
  }
}

/** Compiles a condition over the given variable names; throws with a plain message when it is not allowed. */
export function compileCondition(source: string, variables: Iterable<string>): Condition {
  if (source.length > MAX_LENGTH) throw new Error(`condition longer than ${MAX_LENGTH} characters`);
  const names = new Set(variables);
  let tree: MathNode & { compile(): { evaluate(scope: Map<string, number>): unknown } };
  try {
    tree = math.parse(source) as never;
  } catch (e) {
    throw new Error(`cannot parse condition: ${(e as Error).message}`);
  }
  check(tree, names);
  const code = tree.compile();
  // Evaluation is bounded by the source's length: no loops, no user functions, no strings or
  // matrices. A value a function refuses (round(x, 99)) throws, and the engine reports the rule as
  // failed on that document while the other rules run.
  // A Map scope: names resolve only to own entries, never to Object.prototype members. One Map per
  // condition, refilled on each call (a condition is evaluated to its end before the next call): a
  // Map and an array of entries per claim were a tenth of the claim rules' garbage.
  const map = new Map<string, number>();
  return (scope) => {
    // Callers pass the same names on every call: set, they overwrite; a name left from another call
    // (the Map larger than the scope) is cleared. Map#clear allocates a new table, so only then.
    let names = 0;
    for (const name in scope) {
      map.set(name, scope[name]);
      names++;
    }
    if (map.size !== names) {
      map.clear();
      for (const name in scope) map.set(name, scope[name]);
    }
    const result = code.evaluate(map);
    return result === true || (typeof result === 'number' && Number.isFinite(result) && result !== 0);
  };
}
