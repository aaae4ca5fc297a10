import { describe, expect, it } from 'vitest';
import { compileCondition } from '../src/rules/expression.js';

describe('rule conditions (restricted mathjs)', () => {
  it('evaluates arithmetic and comparisons over named values', () => {
    const c = compileCondition('abs(stated - numerator / denominator * 100) > 0.05 and denominator > 0', ['stated', 'numerator', 'denominator']);
    expect(c({ stated: 90.13, numerator: 111, denominator: 128 })).toBe(true);
    expect(c({ stated: 86.72, numerator: 111, denominator: 128 })).toBe(false);
    expect(compileCondition('value > 100 ? true : false', ['value'])({ value: 485 })).toBe(true);
    expect(compileCondition('round(value) == 3', ['value'])({ value: 2.6 })).toBe(true);
  });

  it.each([
    ['import({}, {})', /function "import" is not allowed/],
    ['createUnit("foo")', /function "createUnit" is not allowed/],
    ['evaluate("1+1")', /function "evaluate" is not allowed/],
    ['parse("1")', /function "parse" is not allowed/],
    ['value.constructor', /not allowed/],
    ['value["constructor"]', /not allowed/],
    ['f(x) = x', /not allowed/],
    ['a = 1', /not allowed/],
    ['[1, 2]', /not allowed/],
    ['"text" == "text"', /only numbers/],
    ['5 cm > 1', /not allowed|unknown name/],
    ['1; 2', /not allowed/],
    ['toString > 1', /unknown name "toString"/],
    ['value ^ 2 > 1', /operator "\^" is not allowed/],
  ])('refuses %s when the rule is loaded', (source, message) => {
    expect(() => compileCondition(source, ['value'])).toThrow(message);
  });

  it('bounds the size of a condition', () => {
    expect(() => compileCondition(`${'value + '.repeat(100)}1 > 0`, ['value'])).toThrow(/longer than/);
  });

  it.each([
    ['min() > 1', /takes at least 1 argument/],
    ['abs(value, value) > 0', /takes 1 argument/],
    ['round(value, 2, 3) > 0', /takes 1 or 2 argument/],
  ])('refuses %s (wrong number of arguments) when the rule is loaded', (source, message) => {
    expect(() => compileCondition(source, ['value'])).toThrow(message);
  });

  it('bounds huge numbers, deep nesting and long inputs', () => {
    expect(compileCondition('value > 1e99999', ['value'])({ value: 1e308 })).toBe(false);
    expect(compileCondition('value * 1e308 * 1e308 > 0', ['value'])({ value: 5 })).toBe(true);
    expect(compileCondition('value * 1e308 * 1e308 - value * 1e308 * 1e308', ['value'])({ value: 5 })).toBe(false);
    expect(compileCondition('value / 0', ['value'])({ value: 5 })).toBe(false);
    const nested = `${'('.repeat(240)}value${')'.repeat(240)} > 1`;
    expect(compileCondition(nested, ['value'])({ value: 2 })).toBe(true);
    const chain = `${'value*'.repeat(80)}value`;
    expect(compileCondition(chain, ['value'])({ value: 1e10 })).toBe(false); // an overflow to Infinity is not a truth value
    expect(() => compileCondition(`${'('.repeat(300)}value${')'.repeat(300)}`, ['value'])).toThrow(/longer than/);
    expect(() => compileCondition('value'.repeat(101), ['value'])).toThrow(/longer than/);
  });

  it('knows unary plus', () => {
    expect(compileCondition('+value > 1', ['value'])({ value: 2 })).toBe(true);
  });

  it('treats a missing or non-numeric value as false rather than throwing', () => {
    const c = compileCondition('value > 100', ['value']);
    expect(c({ value: Number.NaN })).toBe(false);
  });

  it('sees only the values of the call: none is left over from an earlier one', () => {
    const c = compileCondition('later > earlier', ['earlier', 'later']);
    expect(c({ earlier: 1, later: 2 })).toBe(true);
    expect(c({ earlier: 3, later: 2 })).toBe(false);
    expect(c({ later: 2, earlier: 1 })).toBe(true);
    // A name missing from this call is missing, not the value it had before.
    expect(() => c({ later: 5 })).toThrow();
    expect(c({ earlier: 1, later: 2 })).toBe(true);
  });
});
