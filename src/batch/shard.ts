export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "k/n" with 1 ≤ k ≤ n. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard must be k/n with 1 ≤ k ≤ n, e.g. 2/4 (got "${value}")`);
  return { index, count };
}

/**
 * The files of one shard: the list sorted by path and dealt out in turn, so every machine of a CI
 * matrix computes the same split from the same checkout and the shards are within one file of
 * each other in size.
 */
export function selectShard<T>(items: T[], key: (item: T) => string, shard: Shard): T[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** SARIF runAutomationDetails.id: code scanning keeps runs with different categories (before the last /) apart. */
export function shardAutomationId(shard: Shard): string {
  return `gongwen-lint/shard-${shard.index}-of-${shard.count}/`;
}
