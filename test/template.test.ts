import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../src/i18n/template.js';

describe('fillTemplate', () => {
  it('fills every placeholder, the same name twice, next to other text', () => {
    expect(fillTemplate('“{match}”应为“{fix}”，见“{match}”', { match: 'XX', fix: '某' })).toBe('“XX”应为“某”，见“XX”');
    expect(fillTemplate('{count}处', { count: 3 })).toBe('3处');
  });

  it('leaves a placeholder without a value as written, and text without placeholders alone', () => {
    expect(fillTemplate('{a}与{b}', { a: 1, b: null })).toBe('1与{b}');
    expect(fillTemplate('{a}与{b}', undefined)).toBe('{a}与{b}');
    expect(fillTemplate('没有占位符', { a: 1 })).toBe('没有占位符');
    expect(fillTemplate('{not a name}', { 'not a name': 1 })).toBe('{not a name}');
  });

  it('puts single quotes inside a quoted value that holds double quotes (GB/T 15834-2011)', () => {
    expect(fillTemplate('“{match}”已过时', { match: '“五五”普法' })).toBe('“‘五五’普法”已过时');
    // Not quoted by the template, or no quotes inside: unchanged.
    expect(fillTemplate('{match}已过时', { match: '“五五”普法' })).toBe('“五五”普法已过时');
    expect(fillTemplate('“{match}”', { match: '五五普法' })).toBe('“五五普法”');
    // A message about a quote mark names the mark itself.
    expect(fillTemplate('“{char}”没有对应的“{other}”', { char: '“', other: '”' })).toBe('““”没有对应的“””');
  });

  it('gives the same answer the second time (templates are split once and kept)', () => {
    const values = { n: 5 };
    expect(fillTemplate('共{n}个', values)).toBe(fillTemplate('共{n}个', values));
    expect(fillTemplate('共{n}个', { n: 6 })).toBe('共6个');
  });
});
