/**
 * Wraps a per-chunk loader so that asking for chunk c also starts loading chunk c + 1: the next chunk's
 * dealer material downloads and opens while the current chunk computes. At most two chunks are in memory.
 */
export function prefetching<T>(
  load: (chunk: number) => Promise<T>,
  chunkCount: number,
): (chunk: number) => Promise<T> {
  let ahead: { chunk: number; value: Promise<T> } | undefined;
  return (chunk) => {
    const current = ahead?.chunk === chunk ? ahead.value : load(chunk);
    ahead = chunk + 1 < chunkCount ? { chunk: chunk + 1, value: load(chunk + 1) } : undefined;
    // A failed prefetch surfaces when that chunk is asked for; until then it must not be unhandled.
    ahead?.value.catch(() => undefined);
    return current;
  };
}
