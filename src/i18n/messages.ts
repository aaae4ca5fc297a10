import { fillTemplate } from './template.js';
import type { Locale } from '../types.js';

/** The CLI's own words (rule messages live in the rule files). */
const MESSAGES = {
  'level.error': { zh: '错误', en: 'error' },
  'level.warning': { zh: '警告', en: 'warning' },
  'level.info': { zh: '提示', en: 'info' },
  'summary.problems': {
    zh: '{total} 个问题（{error} 个错误，{warning} 个警告，{info} 个提示）',
    en: '{total} {total|problem|problems} ({error} {error|error|errors}, {warning} {warning|warning|warnings}, {info} info)',
  },
  'summary.clean': { zh: '未发现问题', en: 'No problems found' },
  'summary.nothingChecked': { zh: '没有检查任何文件', en: 'No files checked' },
  'summary.files': { zh: '共检查 {files} 个文件', en: '{files} {files|file|files} checked' },
  'summary.unreadable': { zh: '{n} 个文件无法检查', en: '{n} {n|file|files} could not be checked' },
  'summary.maxWarnings': {
    zh: '警告数 {warning} 超过了 --max-warnings 设定的 {max}',
    en: '{warning} {warning|warning exceeds|warnings exceed} --max-warnings {max}',
  },
  'summary.fixable': { zh: '其中 {n} 个可用 --fix 自动修复（标 ✓ 者）', en: '{n} of them can be fixed with --fix (marked ✓)' },
  'summary.fixed': { zh: '已自动修复 {n} 个问题', en: '{n} {n|problem|problems} fixed' },
  'fix.dryRun': { zh: '--fix 将修复 {files} 个文件中的 {fixes} 个问题', en: '--fix would fix {fixes} {fixes|problem|problems} in {files} {files|file|files}' },
  'fix.not-lossless': {
    zh: '未写回修复：文件按 {detail} 解码后无法原样还原为原字节（含无法识别的字节），写回会改动未修复的内容',
    en: 'fixes not written: the file does not re-encode to its original bytes as {detail} (undecodable bytes); writing would change text no fix touched',
  },
  'fix.file-read-only': { zh: '未写回修复：文件为只读', en: 'fixes not written: the file is read-only' },
  'fix.owner': { zh: '未写回修复：无法保留文件的所有者（{detail}）', en: 'fixes not written: the file\'s owner ({detail}) could not be kept' },
  'fix.hard-link': {
    zh: '已写回修复；该文件另有 {n} 个硬链接，它们仍是修复前的内容',
    en: 'fixes written; the file had {n} other hard link(s), which keep the text as it was',
  },
  'fix.write-failed': { zh: '未写回修复：无法写入文件（{detail}）', en: 'fixes not written: cannot write the file ({detail})' },
  'input.not-found': { zh: '文件或目录不存在', en: 'no such file or directory' },
  'input.empty': { zh: '文件为空', en: 'file is empty' },
  'input.binary': { zh: '不是文本文件（看起来是二进制文件）', en: 'not a text file (looks binary)' },
  'input.undecodable': {
    zh: '无法按 {detail} 解码，文件编码无法识别；可用 --encoding 指定编码',
    en: 'cannot be decoded as {detail}; the encoding is not recognised (use --encoding)',
  },
  'input.unknown-encoding': { zh: '不支持的编码“{detail}”', en: 'unsupported encoding "{detail}"' },
  'input.too-large': {
    zh: '文件过大（{detail}），已跳过；可设置环境变量 GONGWEN_LINT_MAX_FILE_MB 提高上限',
    en: 'file too large ({detail}), skipped; set GONGWEN_LINT_MAX_FILE_MB to raise the limit',
  },
  'input.unreadable': { zh: '无法读取文件（{detail}）', en: 'cannot read file ({detail})' },
  'input.unsupported-type': { zh: '不支持的文件类型（{detail}）', en: 'unsupported file type ({detail})' },
  'input.invalid-utf8': {
    zh: 'UTF-8 编码中有无效字节（{detail}）；可用 --encoding utf-8 强制检查（无效字节按 � 处理）',
    en: 'invalid UTF-8 bytes ({detail}); use --encoding utf-8 to check it anyway (invalid bytes read as �)',
  },
  'input.mixed-encoding': {
    zh: '文件混用了多种编码：从 {detail} 起不再是 UTF-8；请统一保存为一种编码',
    en: 'the file mixes encodings: it stops being UTF-8 at {detail}; save it in one encoding',
  },
  'input.not-regular': { zh: '不是普通文件（{detail}），未读取', en: 'not a regular file ({detail}), not read' },
  'input.changed': { zh: '读取期间文件被改动，未检查；请在文件写完后重新检查', en: 'the file changed while being read; check it again once it is written' },
  'input.outside-tree': {
    zh: '符号链接指向工作目录之外，未读取；确需检查请加 --follow-symlinks',
    en: 'symbolic link to outside the working directory, not read; add --follow-symlinks to check it',
  },
  'input.too-complex': { zh: '结构过于复杂，未检查（{detail}）', en: 'too complex to check ({detail})' },
  'input.no-files': { zh: '没有找到要检查的文件', en: 'no files to check' },
  'input.stdin-tty': {
    zh: '从标准输入读取文稿：粘贴或输入后按 Ctrl-D 结束（Windows 上按 Ctrl-Z 再回车）',
    en: 'reading the document from standard input: type or paste it, then press Ctrl-D (Ctrl-Z then Enter on Windows)',
  },
  'input.bad-docx': { zh: '无法作为 Word 文档（.docx）读取：{detail}', en: 'cannot be read as a Word document (.docx): {detail}' },
  'input.bad-doc': { zh: '无法作为 Word 97–2003 文档（.doc/.wps）读取：{detail}', en: 'cannot be read as a Word 97–2003 document (.doc/.wps): {detail}' },
  'input.bad-pdf': { zh: '无法作为 PDF 读取：{detail}', en: 'cannot be read as a PDF: {detail}' },
  'input.bad-ofd': { zh: '无法作为 OFD 文档读取：{detail}', en: 'cannot be read as an OFD document: {detail}' },
  'input.scanned-pdf': {
    zh: 'PDF 中没有文字（可能是扫描件），无法检查；请先做文字识别（OCR），或检查原始 Word 文档',
    en: 'the PDF has no text layer (probably a scan) and cannot be checked; run OCR on it first, or check the original Word document',
  },
  'input.encrypted': { zh: '文档已加密（设有打开密码），无法读取：{detail}', en: 'the document is encrypted (password-protected) and cannot be read: {detail}' },
  'fix.read-only': {
    zh: '{detail} 文件只能检查，不能自动修复；请在原始文档中修改',
    en: '{detail} files are checked but not fixed; edit the original document',
  },
  'fix.docx': {
    zh: '不能自动修复 .docx 文件（会丢失格式）；可用 --annotate 生成带批注和修订的副本，在 Word 中逐条接受',
    en: 'cannot fix a .docx file in place (its formatting would be lost); --annotate writes a copy with comments and tracked changes to accept in Word',
  },
  'annotate.rule': { zh: '规则：{rule}（{level}）', en: 'Rule: {rule} ({level})' },
  'annotate.numbers': { zh: '数值：{values}', en: 'Numbers: {values}' },
  'annotate.written': {
    zh: '已写出带批注的副本 {file}（{comments} 条批注，{revisions} 处修订）',
    en: 'wrote the annotated copy {file} ({comments} comments, {revisions} tracked changes)',
  },
  'annotate.approximate': {
    zh: '其中 {n} 条批注无法精确定位，标在整段上',
    en: '{n} of the comments could not be placed exactly and mark the whole paragraph',
  },
  'annotate.not-docx': {
    zh: '只能为 Word 文档（.docx）生成带批注的副本，未写出',
    en: 'only a Word document (.docx) can be annotated; no copy written',
  },
  'annotate.encrypted': { zh: '文档已加密（设有打开密码），无法添加批注，未写出副本', en: 'the document is encrypted (password-protected); no annotated copy written' },
  'annotate.legacy': {
    zh: '这是 Word 97–2003 格式，无法添加批注；请在 Word 或 WPS 中另存为 .docx 后再试',
    en: 'this is the Word 97–2003 format, which cannot be annotated; save it as .docx in Word or WPS and try again',
  },
  'annotate.macro': {
    zh: '文档含宏（.docm），为安全起见不生成副本；请另存为不含宏的 .docx 后再试',
    en: 'the document contains macros (.docm); no copy is written, for safety: save it as a .docx without macros and try again',
  },
  'annotate.not-zip': { zh: '不是有效的 .docx 文件（不是 ZIP 包），未写出副本', en: 'not a valid .docx file (not a ZIP package); no annotated copy written' },
  'annotate.malformed': { zh: '.docx 文件已损坏（{detail}），未写出副本', en: 'the .docx file is damaged ({detail}); no annotated copy written' },
  'annotate.too-large': { zh: '.docx 解压后过大（{detail}），未写出副本', en: 'the .docx file expands to too much data ({detail}); no annotated copy written' },
  'annotate.read-only': {
    zh: '{detail} 文件不能添加批注（只能检查）；请在 Word 或 WPS 中另存为 .docx 后再用 --annotate',
    en: '{detail} files cannot be annotated (they are only checked); save as .docx in Word or WPS and use --annotate on that',
  },
  'annotate.same-file': { zh: '输出文件不能是原文件本身，未写出', en: 'the output would overwrite the original; nothing written' },
  'annotate.write-failed': { zh: '无法写出带批注的副本（{detail}）', en: 'cannot write the annotated copy ({detail})' },
  'config.error': { zh: '配置错误：{detail}', en: 'configuration error: {detail}' },
  'config.ruleSetting': {
    zh: '必须是 "off"、"info"、"warning"、"error"，或含 "level"、"options"、"extendOptions" 的对象',
    en: 'must be "off", "info", "warning", "error" or an object with "level", "options" and/or "extendOptions"',
  },
  'config.enum': { zh: '必须是以下之一：{values}', en: 'must be one of {values}' },
  'config.unknownKey': { zh: '有未知的键“{key}”', en: 'has an unknown key "{key}"' },
  'config.unknownKeyAllowed': { zh: '有未知的键“{key}”；可用的键：{allowed}', en: 'has an unknown key "{key}"; allowed: {allowed}' },
  'config.required': { zh: '缺少键“{key}”', en: 'must have the key "{key}"' },
  'config.unknownRule': { zh: '没有规则“{id}”；gongwen-lint --list-rules 列出全部规则', en: 'unknown rule "{id}"; see gongwen-lint --list-rules' },
  'config.unknownRuleGuess': {
    zh: '没有规则“{id}”，是不是“{guess}”？gongwen-lint --list-rules 列出全部规则',
    en: 'unknown rule "{id}" (did you mean "{guess}"?); see gongwen-lint --list-rules',
  },
  'usage.invalid': { zh: '命令行参数有误：{detail}', en: '{detail}' },
  'usage.format': { zh: '--format 只能是 {values}（给出的是“{got}”）', en: '--format must be one of {values} (got "{got}")' },
  'usage.locale': { zh: '--locale 只能是 zh 或 en（给出的是“{got}”）', en: '--locale must be zh or en (got "{got}")' },
  'usage.maxWarnings': { zh: '--max-warnings 须是不小于 0 的整数（给出的是“{got}”）', en: '--max-warnings must be a whole number ≥ 0 (got "{got}")' },
  'usage.stdinMixed': { zh: '“-”（标准输入）不能与文件或目录一起使用', en: '"-" (standard input) cannot be combined with files or directories' },
  'usage.revisionsNeedAnnotate': { zh: '--no-revisions 需与 --annotate 同用', en: '--no-revisions needs --annotate' },
  'usage.annotateFix': {
    zh: '--annotate 写出的是副本，不能与 --fix 或 --fix-dry-run 同用',
    en: '--annotate writes a copy; it cannot be combined with --fix or --fix-dry-run',
  },
  'usage.annotateStdin': { zh: '--annotate 需要 .docx 文件，不能用于标准输入', en: '--annotate needs .docx files, not standard input' },
  'usage.stdinFilename': { zh: '--stdin-filename 需要以“-”（标准输入）作为要检查的文件', en: '--stdin-filename needs "-" (standard input) as the file' },
  'config.init.exists': { zh: '{file} 已存在，未覆盖', en: '{file} already exists; not overwritten' },
  'config.init.written': { zh: '已生成配置文件 {file}', en: 'wrote {file}' },
  'suppress.unused': {
    zh: '屏蔽指令没有屏蔽任何问题（{rule}），可以删除',
    en: 'Unused suppression directive (no problems from {rule}); remove it',
  },
  'suppress.unusedAll': { zh: '屏蔽指令没有屏蔽任何问题，可以删除', en: 'Unused suppression directive (no problems reported here); remove it' },
  'summary.suppressed': { zh: '另有 {n} 个问题已按指令屏蔽', en: '{n} more {n|problem|problems} suppressed by directives' },
  'git.failed': { zh: '无法确定自 {ref} 以来改动的文件：{detail}', en: 'cannot list the files changed since {ref}: {detail}' },
  'cache.unwritable': { zh: '无法写入缓存文件 {file}：{detail}', en: 'cannot write the cache file {file}: {detail}' },
  'rule.failed': { zh: '规则 {rule} 运行出错：{detail}', en: 'rule {rule} failed: {detail}' },
  'usage.unknownRule': { zh: '没有 id 为“{id}”的规则（--list-rules 列出全部规则）', en: 'no rule with id "{id}" (see --list-rules)' },
  'usage.unknownRuleGuess': {
    zh: '没有 id 为“{id}”的规则，是不是“{guess}”？（--list-rules 列出全部规则）',
    en: 'no rule with id "{id}"; did you mean "{guess}"? (see --list-rules)',
  },
  'docs.what': { zh: '说明', en: 'What it does' },
  'docs.why': { zh: '为什么', en: 'Why it matters' },
  'docs.source': { zh: '依据', en: 'Standard or source' },
  'docs.example': { zh: '示例', en: 'Example' },
  'docs.useInstead': { zh: '应改为', en: 'Use instead' },
  'docs.level': { zh: '默认级别', en: 'Default level' },
  'docs.supersedes': { zh: '取代（落在本规则问题范围内的不再重复报告）', en: 'Supersedes (not reported again inside this rule\'s findings)' },
  'coverage.summary': {
    zh: '数值声明 {found} 项：核查 {checked} 项，无法核查 {notCheckable} 项',
    en: '{found} numeric {found|claim|claims}: {checked} checked, {notCheckable} not checkable',
  },
  'coverage.notLinked': { zh: '（其中{n}项比率的数据在文中但未能对应）', en: ' ({n} rates whose counts are in the text but not linked)' },
  'coverage.heading': { zh: '数值核查覆盖情况：', en: 'Numeric claim coverage:' },
  'coverage.total': { zh: '合计', en: 'total' },
  'coverage.byKind': { zh: '按类型（已核查/找到）：', en: 'by kind (checked/found): ' },
  'coverage.reason.placeholder': { zh: '含占位符', en: 'placeholder' },
  'coverage.reason.missing-base': { zh: '缺少基数', en: 'missing base' },
  'coverage.reason.not-linked': { zh: '数据未能对应', en: 'not linked' },
  'coverage.reason.unit-mismatch': { zh: '单位不一致', en: 'unit mismatch' },
  'coverage.reason.approximate': { zh: '约数或区间', en: 'approximate' },
  'coverage.reason.not-comparable': { zh: '口径不可比', en: 'not comparable' },
  'coverage.kind.growth': { zh: '增减', en: 'growth' },
  'coverage.kind.ratio': { zh: '比率', en: 'ratio' },
  'coverage.kind.completion': { zh: '完成率', en: 'completion' },
  'coverage.kind.breakdown': { zh: '分项', en: 'breakdown' },
  'coverage.kind.enumeration': { zh: '列举', en: 'enumeration' },
  'coverage.kind.indicator': { zh: '指标', en: 'indicator' },
  'serve.listening': { zh: '网页版已启动：{url}（按 Ctrl+C 停止）', en: 'Web page at {url} (Ctrl+C to stop)' },
  'serve.exposed': {
    zh: '注意：{host} 不是本机回环地址，局域网中的其他计算机也能打开此页面（文稿仍只在各自的浏览器中处理）',
    en: 'note: {host} is not a loopback address; other computers on the network can open the page (documents are still processed only in their browsers)',
  },
  'serve.missing': { zh: '找不到网页文件 {file}；请先运行 npm run build', en: 'the web page {file} is missing; run npm run build first' },
  'serve.inUse': { zh: '端口 {port} 已被占用；用 --port 换一个端口', en: 'port {port} is already in use; choose another with --port' },
  'serve.failed': { zh: '无法在 {host}:{port} 启动网页服务（{detail}）', en: 'cannot serve on {host}:{port} ({detail})' },
} as const;

export type MessageId = keyof typeof MESSAGES;

const englishPlural = new Intl.PluralRules('en');

/** `{n|one|other}` in an English message: the form for the count n ("1 file", "0 files"). */
function selectPlurals(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
    values[name] === undefined ? whole : englishPlural.select(Number(values[name])) === 'one' ? one : other,
  );
}

export function t(locale: Locale, id: MessageId, values: Record<string, string | number> = {}): string {
  return fillTemplate(selectPlurals(MESSAGES[id][locale], values), values);
}
