/** The file `gongwen-lint --init` writes: every key present or shown commented out, explained in Chinese first. */
export const INIT_FILE = '.gongwenlintrc.yaml';

export const INIT_TEXT = `# yaml-language-server: $schema=https://gongwen-lint.github.io/schemas/config.schema.json
# gongwen-lint 配置文件 / configuration
# 从每个被检查文件所在目录向上查找，离文件最近的配置优先；root: true 表示不再向上查找。
# Found from each linted file's folder upwards; the nearest wins; root: true stops the search.
root: true

# 预设 / presets: recommended（默认）、strict（警告按错误处理）、government-report（政府工作报告）
extends: recommended

# 规则级别：off、info、warning、error，或 {level, options}；gongwen-lint --list-rules 列出全部规则。
# Rule levels: off, info, warning, error, or {level, options}; see gongwen-lint --list-rules.
rules:
  no-placeholder: error
  # 在规则自带的列表后追加（options 则整体替换列表）/ append to the rule's lists (options replaces them):
  # no-placeholder:
  #   extendOptions:
  #     ignore: ['XX型号']
  # missing-problems-section:
  #   level: warning
  #   options:
  #     headings: ['^存在的?问题']

# 标题中看不出文种或年份时使用 / used when the title does not say:
# documentType: summary   # summary | government-report | plan | other
# year: 2024

# 不检查的文件（相对于本配置文件）/ files not to lint (relative to this file)
ignores:
  - "archive/**"

# 报告没有屏蔽任何问题的屏蔽指令 / report directives that suppress nothing
reportUnusedDisable: warning

# 追加的规则目录 / extra rule folders
# ruleDirs: [rules]

# 按文件设置 / settings for some files
# overrides:
#   - files: ["报告/**"]
#     documentType: government-report
#     rules:
#       missing-problems-section: "off"
`;
