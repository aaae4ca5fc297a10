import { parseArgs } from 'node:util';
import { nearest } from '../i18n/nearest.js';
import { UsageError } from './usage-error.js';
import type { Locale } from '../types.js';
import { WORKFLOW_HELP, WORKFLOW_OPTIONS, workflowOptions, type WorkflowOptions } from './workflow-args.js';

export { UsageError };

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'gitlab';
const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github', 'gitlab'];

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  output?: string;
  quiet: boolean;
  maxWarnings?: number;
  locale: Locale;
  encoding?: string;
  rules: string[];
  listRules: boolean;
  explain?: string;
  printModel?: string;
  color?: boolean;
  debug: boolean;
  /** Write safe fixes back to the files. */
  fix: boolean;
  /** Print the fixes as a unified diff instead of writing them. */
  fixDryRun: boolean;
  /** --annotate: write a copy of each .docx with comments (and, unless --no-revisions, tracked changes). */
  annotate?: { revisions: boolean };
  /** Numeric claim coverage per document. */
  stats: boolean;
  /** --follow-symlinks: read a named symlink whose target is outside the working directory, and walk out through symlinks. */
  followSymlinks: boolean;
  /** --allow-outside-rules: a configuration file's ruleDirs may name folders outside its own tree. */
  allowOutsideRules: boolean;
  /** `-` was given: the document is read from standard input. */
  stdin: boolean;
  /** --stdin-filename: the name standard input is linted under (format, configuration, report). */
  stdinFilename?: string;
  /** Honour .gitignore and .gongwenlintignore when walking folders (--no-ignore-files: not). */
  ignoreFiles: boolean;
  help: boolean;
  version: boolean;
  workflow: WorkflowOptions;
}


/** The --locale asked for, read before the command line is known to be valid (for its error messages). */
export function requestedLocale(argv: string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const value = i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice('--locale='.length) : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  locale: { type: 'string' },
  encoding: { type: 'string' },
  rules: { type: 'string', multiple: true },
  'list-rules': { type: 'boolean' },
  explain: { type: 'string' },
  'print-model': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-ignore-files': { type: 'boolean' },
  debug: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  annotate: { type: 'boolean' },
  'no-revisions': { type: 'boolean' },
  stats: { type: 'boolean' },
  'follow-symlinks': { type: 'boolean' },
  'allow-outside-rules': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  ...WORKFLOW_OPTIONS,
} as const;

/** node:util's parseArgs error in the message table's words: the option it names, by error code. */
function fromParseArgs(e: NodeJS.ErrnoException): UsageError {
  const option = /'(-[^' ,]+(?:, -[^' ,]+)?)/.exec(e.message)?.[1];
  if (option && e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = option.startsWith('--') ? nearest(option, Object.keys(OPTIONS).map((name) => `--${name}`)) : undefined;
    return guess ? new UsageError('usage.unknownOptionGuess', { option, guess }) : new UsageError('usage.unknownOption', { option });
  }
  if (option && e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(/argument missing|ambiguous/.test(e.message) ? 'usage.missingValue' : 'usage.noValue', { option });
  return new UsageError('usage.invalid', { detail: e.message });
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (e) {
    throw fromParseArgs(e as NodeJS.ErrnoException);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError('usage.format', { values: FORMATS.join(', '), got: String(v.format) });
  const locale = (v.locale ?? 'zh') as Locale;
  if (locale !== 'zh' && locale !== 'en') throw new UsageError('usage.locale', { got: String(v.locale) });
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('usage.maxWarnings', { got: String(v['max-warnings']) });
  }
  const stdin = parsed.positionals.includes('-');
  if (stdin && parsed.positionals.length > 1) throw new UsageError('usage.stdinMixed');
  if (v['stdin-filename'] !== undefined && !stdin) throw new UsageError('usage.stdinFilename');
  if (v['no-revisions'] && !v.annotate) throw new UsageError('usage.revisionsNeedAnnotate');
  if (v.annotate && (v.fix || v['fix-dry-run'])) throw new UsageError('usage.annotateFix');
  if (v.annotate && stdin) throw new UsageError('usage.annotateStdin');
  const workflow = workflowOptions(v);
  return {
    workflow,
    paths: stdin ? [] : parsed.positionals,
    stdin,
    stdinFilename: v['stdin-filename'],
    ignoreFiles: !v['no-ignore-files'],
    format,
    output: v.output,
    quiet: !!v.quiet,
    maxWarnings,
    locale,
    encoding: v.encoding,
    rules: v.rules ?? [],
    listRules: !!v['list-rules'],
    explain: v.explain,
    printModel: v['print-model'],
    color: v['no-color'] ? false : v.color,
    debug: !!v.debug,
    fix: !!v.fix,
    fixDryRun: !!v['fix-dry-run'],
    ...(v.annotate && { annotate: { revisions: !v['no-revisions'] } }),
    stats: !!v.stats,
    followSymlinks: !!v['follow-symlinks'],
    allowOutsideRules: !!v['allow-outside-rules'],
    help: !!v.help,
    version: !!v.version,
  };
}

export const HELP = {
  zh: `用法：gongwen-lint [选项] <文件|目录|通配符>...
      gongwen-lint [选项] - [--stdin-filename <文件>]   检查标准输入
      gongwen-lint lsp --stdio   启动语言服务器，供编辑器使用（见 docs/editors.md）
      gongwen-lint serve [--port <端口>]   在浏览器中使用网页版（离线，见 serve --help）

检查中文工作总结、政府工作报告、工作计划中的占位符、结构和规范问题。
目录会递归检查其中的 .txt、.md、.docx、.doc、.wps、.pdf 和 .ofd 文件（按内容识别格式）。

选项：
  -f, --format <格式>     输出格式：stylish（默认）、json、sarif、github（工作流注释）、gitlab（代码质量报告）
  -o, --output <文件>     把结果写入文件而不是标准输出
  -q, --quiet             只报告错误，不报告警告和提示
      --max-warnings <N>  警告超过 N 个时以状态 1 退出
      --locale <zh|en>    消息语言（默认 zh）
      --encoding <编码>   指定输入文件编码（默认自动识别 UTF-8/UTF-16/GB18030）
      --rules <目录>      追加一个规则目录（可多次使用）
      --allow-outside-rules 允许配置文件的 ruleDirs 指向配置所在目录之外（默认拒绝）
      --list-rules        列出全部规则
      --explain <规则>    显示规则的说明文档
      --print-model <文件> 以 JSON 输出对文件的理解（标题、年份、章节树等）
      --fix               自动修复可安全修复的问题并写回文件（保留原编码、BOM 和换行符）
      --fix-dry-run       不写文件，以统一差异格式（unified diff）输出修复内容
      --annotate          为每个 .docx 写出带批注的副本（初稿.docx → 初稿.gongwen-lint.docx）：问题成为批注，
                          可安全修复的问题成为修订；原文件不变。-o 指定副本路径（多个文件时为目录）
      --no-revisions      与 --annotate 同用：只加批注，不加修订
  -                       从标准输入读取文稿（与 --fix 同用时，把修复后的全文写到标准输出、检查结果写到标准错误）
      --stdin-filename <文件> 标准输入按这个文件名检查：据扩展名定格式，按其所在目录查找配置，报告中显示这个名字
      --no-ignore-files   检查目录和通配符时不理会 .gitignore 与 .gongwenlintignore（默认按它们跳过文件）
${WORKFLOW_HELP.zh}
      --no-color          不使用颜色
      --stats             逐个文件列出数值声明的核查覆盖情况（找到、核查、无法核查及原因）
      --follow-symlinks   读取指向工作目录之外的符号链接（默认不读；遍历目录时也不跟随链接离开该目录）
      --debug             出错时显示调用栈
  -h, --help              显示本帮助
  -v, --version           显示版本

退出状态：0 没有错误且警告未超限；1 有错误或警告超限；2 用法、配置或输入错误。`,
  en: `Usage: gongwen-lint [options] <file|directory|glob>...
       gongwen-lint [options] - [--stdin-filename <file>]   lint standard input
       gongwen-lint lsp --stdio   start the language server for editors (see docs/editors.md)
       gongwen-lint serve [--port <port>]   the offline web page in a browser (see serve --help)

Checks Chinese work summaries, government work reports and work plans for placeholders,
structure and standard-usage problems. Directories are searched for .txt, .md, .docx, .doc, .wps, .pdf and .ofd files
(formats are recognised by content).

Options:
  -f, --format <format>   stylish (default), json, sarif, github (workflow annotations), gitlab (Code Quality)
  -o, --output <file>     write the report to a file instead of standard output
  -q, --quiet             report errors only
      --max-warnings <N>  exit with status 1 when there are more than N warnings
      --locale <zh|en>    language of messages (default zh)
      --encoding <name>   encoding of the input files (default: detect UTF-8/UTF-16/GB18030)
      --rules <dir>       add a directory of rule files (repeatable)
      --allow-outside-rules let a configuration file's ruleDirs name folders outside its own tree (refused by default)
      --list-rules        list all rules
      --explain <rule>    show a rule's documentation
      --print-model <file> print what the linter understood of a file as JSON
      --fix               apply safe fixes and write the files back (keeping encoding, BOM, line endings)
      --fix-dry-run       print the fixes as a unified diff instead of writing them
      --annotate          write a copy of each .docx (draft.docx → draft.gongwen-lint.docx) with the findings
                          as comments and the safe fixes as tracked changes; the original is not changed.
                          -o names the copy (a directory for several files)
      --no-revisions      with --annotate: comments only, no tracked changes
  -                       read the document from standard input (with --fix: the fixed text goes to
                          standard output, the report to standard error)
      --stdin-filename <file> lint standard input as this file: its extension sets the format, its folder
                          the configuration, and the report shows this name
      --no-ignore-files   walk folders and globs without honouring .gitignore and .gongwenlintignore
${WORKFLOW_HELP.en}
      --no-color          no colours
      --stats             numeric claims found, checked and not checkable (with reasons), per file
      --follow-symlinks   read symlinks whose target is outside the working directory (by default they are
                          not read, and walking a directory never follows a symlink out of it)
      --debug             show stack traces on internal errors
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 no errors and warnings within the maximum; 1 errors, or too many warnings;
2 usage, configuration or input error.`,
};
