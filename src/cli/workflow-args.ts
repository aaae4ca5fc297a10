import type { Concurrency } from '../batch/lint-files.js';
import { parseShard, type Shard } from '../batch/shard.js';
import { UsageError } from './usage-error.js';

/** Options for configuration, suppressions, pre-merge checks and many files (kept apart from args.ts's core set). */
export interface WorkflowOptions {
  config?: string;
  printConfig?: string;
  init: boolean;
  reportUnusedDisable: boolean;
  includeSuppressed: boolean;
  changedSince?: string;
  shard?: Shard;
  cache: boolean;
  cacheLocation?: string;
  concurrency: Concurrency;
  /** --max-time: seconds one document may take (0: no limit); the configuration's maxTime, else 60, otherwise. */
  maxTime?: number;
}

export const WORKFLOW_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'print-config': { type: 'string' },
  init: { type: 'boolean' },
  'report-unused-disable': { type: 'boolean' },
  'include-suppressed': { type: 'boolean' },
  'changed-since': { type: 'string' },
  shard: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  'max-time': { type: 'string' },
} as const;

type Values = { [K in keyof typeof WORKFLOW_OPTIONS]?: (typeof WORKFLOW_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function concurrencyOf(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('usage.concurrency', { got: value });
  return n;
}

function maxTimeOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError('usage.maxTime', { got: value });
  return n;
}

function shardOf(value: string): Shard {
  try {
    return parseShard(value);
  } catch {
    throw new UsageError('usage.shard', { got: value });
  }
}

/** Throws a UsageError for a value an option does not take. */
export function workflowOptions(v: Values): WorkflowOptions {
  return {
    config: v.config,
    printConfig: v['print-config'],
    init: !!v.init,
    reportUnusedDisable: !!v['report-unused-disable'],
    includeSuppressed: !!v['include-suppressed'],
    changedSince: v['changed-since'],
    shard: v.shard === undefined ? undefined : shardOf(v.shard),
    cache: !!v.cache || v['cache-location'] !== undefined,
    cacheLocation: v['cache-location'],
    concurrency: concurrencyOf(v.concurrency),
    maxTime: maxTimeOf(v['max-time']),
  };
}

export const WORKFLOW_HELP = {
  zh: `  -c, --config <文件>     只使用这个配置文件（不再按目录查找）
      --print-config <文件> 显示对该文件生效的配置
      --init              在当前目录生成带注释的配置文件 .gongwenlintrc.yaml
      --report-unused-disable 报告没有屏蔽任何问题的屏蔽指令
      --include-suppressed 在 SARIF 中保留被屏蔽的问题（标注 suppressions；不要上传到 GitHub）
      --changed-since <引用> 只检查自该 git 引用以来改动的文件
      --shard <k/n>       把文件确定性地分成 n 份，只检查第 k 份（CI 矩阵）
      --cache             缓存结果，未改动的文件不再重复检查
      --cache-location <文件> 缓存文件位置（默认 .gongwen-lint-cache）
      --concurrency <N|auto|off> 并行检查的线程数，含主线程（默认 auto：文稿合计超过 6 MB 时按 CPU 核数，否则一个）
      --max-time <秒>     单个文件的检查时限（默认 60 秒，0 为不限；也可在配置中写 maxTime）：超时的文件停止检查，
                          报告“检查用时超过…”并按无法检查的文件计（退出状态 2），其他文件照常检查`,
  en: `  -c, --config <file>     use this configuration file only (no search by folder)
      --print-config <file> print the configuration that applies to a file
      --init              write a commented starter configuration, .gongwenlintrc.yaml
      --report-unused-disable report suppression directives that suppress nothing
      --include-suppressed keep suppressed findings in SARIF, marked (do not upload to GitHub)
      --changed-since <ref> lint only files changed since a git ref
      --shard <k/n>       lint the k-th of n deterministic parts of the file set (CI matrix)
      --cache             reuse results for unchanged files
      --cache-location <file> where the cache lives (default .gongwen-lint-cache)
      --concurrency <N|auto|off> threads that lint, this one included (default auto: one per core above 6 MB of documents, else one)
      --max-time <seconds> how long one file may take (default 60; 0: no limit; or maxTime in the configuration):
                          a file that takes longer is stopped, reported as taking too long and counted as a file
                          that could not be checked (exit status 2); the other files are still linted`,
};
