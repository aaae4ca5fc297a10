import { fillTemplate } from '../i18n/template.js';
import type { Locale } from '../types.js';

/** What the language server says to the editor user (rule messages live in the rule files). */
const MESSAGES = {
  'action.fix': { zh: '修复：{detail}', en: 'Fix: {detail}' },
  'action.replace': { zh: '将“{from}”改为“{to}”', en: 'replace "{from}" with "{to}"' },
  'action.delete': { zh: '删除“{from}”', en: 'delete "{from}"' },
  'action.insert': { zh: '插入“{to}”', en: 'insert "{to}"' },
  'action.disableLine': { zh: '在本行停用规则 {rule}', en: 'Disable {rule} for this line' },
  'action.disableFile': { zh: '在本文件中停用规则 {rule}', en: 'Disable {rule} for the entire file' },
  'action.fixAll': { zh: '修复本文件中所有可自动修复的问题（{n} 处）', en: 'Fix all auto-fixable problems in this file ({n})' },
  'internal.ruleFailed': {
    zh: 'gongwen-lint 内部错误：规则 {rules} 运行出错，已跳过（详见语言服务器日志）；其他规则的结果照常显示',
    en: 'gongwen-lint internal error: rule {rules} failed and was skipped (see the language server log); the other rules ran',
  },
  'internal.crashed': {
    zh: 'gongwen-lint 内部错误：检查本文件时出错（{detail}），详见语言服务器日志',
    en: 'gongwen-lint internal error while checking this file ({detail}); see the language server log',
  },
  'internal.timeout': {
    zh: 'gongwen-lint 检查本文件超过 {seconds} 秒，已中止（文件过大或某条规则过慢，详见语言服务器日志）；保存时会再检查一次',
    en: 'gongwen-lint gave up on this file after {seconds} s (the file is too large or a rule is too slow; see the language server log); it will try again on save',
  },
  'document.tooLarge': {
    zh: '本文件有 {n} 个字符，超过语言服务器检查的上限 {max}（设置 gongwenLint.maxCharacters），未检查；请用命令行 gongwen-lint 检查它',
    en: 'This file has {n} characters, more than the language server checks ({max}, setting gongwenLint.maxCharacters); it was not checked: run the gongwen-lint command line on it',
  },
  'document.moreFindings': {
    zh: '另有 {n} 个问题未显示（每个文件最多显示 {max} 个）；命令行 gongwen-lint 列出全部',
    en: '{n} more problems not shown (at most {max} per file); the gongwen-lint command line lists them all',
  },
  'internal.rules': { zh: 'gongwen-lint 无法加载配置或规则：{detail}', en: 'gongwen-lint cannot load its configuration or rules: {detail}' },
  'encoding.suspect': {
    zh: '本文件有 {n} 个无法识别的字符（�），可能是用错误的编码打开的；GB18030/GBK 文件请按该编码重新打开',
    en: 'This file has {n} undecodable characters (�); it was probably opened with the wrong encoding (reopen GB18030/GBK files as such)',
  },
  'hover.docs': { zh: '规则文档', en: 'Rule documentation' },
} as const;

export type LspMessageId = keyof typeof MESSAGES;

export function msg(locale: Locale, id: LspMessageId, values: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[id][locale], values);
}
