import type { EvidenceValue, Locale } from '../../src/types.js';

/**
 * Evidence names that rules share, in reading order, with labels. A rule that records both a
 * number and the text it was read from (`rate` and `rateText`) is shown by its text: "98%", not 98.
 */
const LABELS: Array<[string, { zh: string; en: string }]> = [
  ['label', { zh: '指标', en: 'Indicator' }],
  ['match', { zh: '匹配文本', en: 'Matched text' }],
  ['numerator', { zh: '完成数（分子）', en: 'Count (numerator)' }],
  ['denominator', { zh: '总数（分母）', en: 'Total (denominator)' }],
  ['now', { zh: '本期数', en: 'Current value' }],
  ['before', { zh: '上期数', en: 'Earlier value' }],
  ['total', { zh: '合计', en: 'Total' }],
  ['parts', { zh: '分项', en: 'Parts' }],
  ['sum', { zh: '分项之和', en: 'Sum of the parts' }],
  ['maxPart', { zh: '最大分项', en: 'Largest part' }],
  ['list', { zh: '列举内容', en: 'Listed items' }],
  ['items', { zh: '列举项数', en: 'Items listed' }],
  ['count', { zh: '文中个数', en: 'Stated count' }],
  ['value', { zh: '数值', en: 'Value' }],
  ['other', { zh: '另一处数值', en: 'Value elsewhere' }],
  ['rate', { zh: '文中数值', en: 'Stated value' }],
  ['computed', { zh: '计算结果', en: 'Computed value' }],
  ['expected', { zh: '应为', en: 'Should be' }],
  ['pointDiff', { zh: '相差（百分点）', en: 'Difference (points)' }],
  ['word', { zh: '用词', en: 'Wording' }],
  ['docType', { zh: '文种', en: 'Document type' }],
];

export interface EvidenceRows {
  /** Labelled values a reviewer reads. */
  main: Array<[label: string, value: string]>;
  /** Everything else the rule recorded, by its own names, for checking the arithmetic. */
  rest: Array<[name: string, value: string]>;
}

function show(v: EvidenceValue): string {
  return typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(6))) : String(v);
}

export function evidenceRows(evidence: Record<string, EvidenceValue> | undefined, locale: Locale): EvidenceRows {
  const left = new Map(Object.entries(evidence ?? {}).filter(([, v]) => v !== null && v !== ''));
  const main: EvidenceRows['main'] = [];
  for (const [name, label] of LABELS) {
    const keys = [`${name}Text`, name === 'other' ? 'otherValue' : name];
    const key = keys.find((k) => left.has(k));
    if (key === undefined) continue;
    main.push([label[locale], show(left.get(key)!)]);
    for (const k of keys) left.delete(k);
  }
  return { main, rest: [...left].map(([k, v]) => [k, show(v)]) };
}
