import { fileURLToPath } from 'node:url';

/**
 * The LRU cache of the Lambda bundles, standing in for `mnemonist/lru-cache` through an esbuild alias: the
 * DynamoDB client keeps its endpoint-discovery cache in one (`@aws-sdk/endpoint-cache`), and mnemonist with
 * obliterator is ~7 KB of every bundle for a cache that discovery (off for DynamoDB by default) rarely fills.
 * The methods that cache calls, with the same meaning: a Map in recency order, the oldest entry evicted.
 */
export default class LRUCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The value, recency unchanged. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The esbuild alias that swaps this cache in for mnemonist's (for the bundling settings). */
export const LAMBDA_LRU_CACHE_ALIAS: Record<string, string> = {
  'mnemonist/lru-cache': /* @__PURE__ */ fileURLToPath(import.meta.url),
};
