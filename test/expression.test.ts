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

  it('treats a missing or non-numeric value as false rather than throwing', () => {
    const c = compileCondition('value > 100', ['value']);
    expect(c({ value: Number.NaN })).toBe(false);
  });
});
