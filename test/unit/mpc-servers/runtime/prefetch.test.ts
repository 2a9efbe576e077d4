import { describe, expect, it } from 'vitest';
import { prefetching } from '../../../../mpc-servers/runtime/prefetch.ts';

describe('prefetching', () => {
  it('loads each chunk once, the next one while the current one is used, and nothing past the end', async () => {
    const loads: number[] = [];
    const get = prefetching(async (chunk) => {
      loads.push(chunk);
      return `chunk ${chunk}`;
    }, 3);
    expect(await get(0)).toBe('chunk 0');
    expect(loads).toEqual([0, 1]);
    expect(await get(1)).toBe('chunk 1');
    expect(await get(2)).toBe('chunk 2');
    expect(loads).toEqual([0, 1, 2]);
  });

  it('reports a failed prefetch when that chunk is asked for', async () => {
    const get = prefetching(async (chunk) => {
      if (chunk === 1) throw new Error('chunk 1 is missing');
      return chunk;
    }, 2);
    expect(await get(0)).toBe(0);
    await expect(get(1)).rejects.toThrow('chunk 1 is missing');
  });
});
