import type { WasmMemory } from './wasm-assembly.ts';

const PAGE_BYTES = 65536;

/**
 * A kernel's working set: one region per named array of `regionBytes[region]` bytes (rounded up to a
 * multiple of 8, so every region stays 8-byte aligned), laid out in order from offset 0 of the kernel's
 * memory, which grows to fit once, here: views taken afterwards stay valid. `at[region]` is the region's
 * byte offset.
 */
export class KernelMemory<Region extends string> {
  readonly at: Record<Region, number>;
  readonly buffer: ArrayBuffer;
  readonly bytes: Uint8Array;

  constructor(memory: WasmMemory, regionBytes: Record<Region, number>) {
    let offset = 0;
    const at = {} as Record<Region, number>;
    for (const [region, size] of Object.entries(regionBytes) as [Region, number][]) {
      at[region] = offset;
      offset += Math.ceil(size / 8) * 8;
    }
    this.at = at;
    const pages = Math.ceil(offset / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
    if (pages > 0) memory.grow(pages);
    this.buffer = memory.buffer;
    this.bytes = new Uint8Array(this.buffer);
  }
}

/** Region sizes for `count` keys of `bytesPerKey[region]` bytes each. */
export function perKey<Region extends string>(
  bytesPerKey: Record<Region, number>,
  count: number,
): Record<Region, number> {
  const sizes = {} as Record<Region, number>;
  for (const [region, size] of Object.entries(bytesPerKey) as [Region, number][])
    sizes[region] = size * count;
  return sizes;
}
