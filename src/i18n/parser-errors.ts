import type { ErrorObject } from 'ajv';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import type { YAMLError } from 'yaml';
import type { Problem } from './problem.js';

// A CommonJS module whose declaration file says `export default`: its module.exports is the function.
const localizeZh = localizeZhModule as unknown as (errors: ErrorObject[]) => void;

// The Chinese for what the YAML and JSON parsers and the schema validator say, so that a file's
// error follows --locale; English keeps the library's own words.

/** By the yaml library's error code; a code not listed keeps its English message. */
const YAML_ZH: Record<string, string> = {
  ALIAS_PROPS: '别名不能带锚点或标签',
  BAD_ALIAS: '别名无效（引用了未定义的锚点？）',
  BAD_DIRECTIVE: '指令无效',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列无效',
  BAD_INDENT: '缩进不正确，或括号没有闭合',
  BAD_PROP_ORDER: '锚点和标签的位置不正确',
  BAD_SCALAR_START: '值不能以这个字符开头（请给值加引号）',
  BLOCK_AS_IMPLICIT_KEY: '一行中不能嵌套键值（值里有“: ”时请加引号）',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用分行的块结构',
  DUPLICATE_KEY: '键重复',
  MISSING_CHAR: '缺少字符（引号、括号，或键后的冒号）',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内（是否缺少冒号？）',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点',
  MULTIPLE_DOCS: '一个文件只能有一个文档（多了“---”）',
  MULTIPLE_TAGS: '一个值只能有一个标签',
  NON_STRING_KEY: '键必须是字符串',
  RESOURCE_EXHAUSTION: '别名展开过多（可能是恶意构造的文件）',
  TAB_AS_INDENT: '不能用制表符缩进，请改用空格',
  TAG_RESOLVE_FAILED: '标签无法解析',
  UNEXPECTED_TOKEN: '此处有意外的内容',
  BAD_COLLECTION_TYPE: '集合的类型不正确',
};

/** By the start of V8's JSON.parse message (Node 20 and later). */
const JSON_ZH: Array<[RegExp, string]> = [
  [/^Unexpected end of JSON input/, '文件在结构完整之前就结束了（缺少右括号或引号？）'],
  [/^Expected double-quoted property name/, '此处应是带双引号的键名（多了一个逗号？）'],
  [/^Expected property name or '\}'/, '此处应是带双引号的键名或“}”'],
  [/^Expected ':' after property name/, '键名后缺少冒号'],
  [/^Expected ',' or '\}' after property value/, '值后缺少逗号或“}”'],
  [/^Expected ',' or '\]' after array element/, '列表元素后缺少逗号或“]”'],
  [/^Unexpected non-whitespace character after JSON/, 'JSON 结束后还有多余的内容'],
  [/^Unterminated string in JSON/, '字符串缺少结束引号'],
  [/^Bad control character in string literal/, '字符串中有控制字符（如未转义的换行）'],
  [/^Bad escaped character/, '字符串中的转义序列无效'],
  [/^(?:Exponent part is missing a number|No number after minus sign|Unterminated fractional number)/, '数字的写法不正确'],
  [/^Unexpected token/, '此处有意外的字符'],
];

/** A YAML syntax error at its line and column. */
export function yamlSyntaxProblem(error: YAMLError, line: number, column: number): Problem {
  const en = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { id: 'parse.yamlSyntax', values: { line, column, detail: { zh: YAML_ZH[error.code] ?? en, en } } };
}

/** A YAML document that parsed but cannot be turned into data (an alias bomb). */
export function yamlUnreadableProblem(error: Error): Problem {
  const zh = /alias/i.test(error.message) ? YAML_ZH.RESOURCE_EXHAUSTION : error.message;
  return { id: 'parse.yamlUnreadable', values: { detail: { zh, en: error.message } } };
}

/** A JSON syntax error, at its line and column where V8 gives the position. */
export function jsonSyntaxProblem(error: Error, text: string): Problem {
  const en = error.message;
  const detail = { zh: JSON_ZH.find(([re]) => re.test(en))?.[1] ?? en, en };
  const at = /at position (\d+)/.exec(en);
  if (!at) return { id: 'parse.jsonSyntax', values: { detail } };
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return { id: 'parse.jsonSyntaxAt', values: { line, column: before.length - before.lastIndexOf('\n'), detail } };
}

/** A schema validator's message in both languages (ajv's own English, ajv-i18n's Chinese). */
export function schemaMessage(error: ErrorObject): Problem {
  const copy = [{ ...error }];
  localizeZh(copy);
  const en = error.message ?? error.keyword;
  return { zh: copy[0].message ?? en, en };
}
