// The behaviour every ObjectStore adapter must show; run against the in-memory store (unit) and S3 on
// s3rver (integration).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ObjectNotFoundError, type ObjectStore } from '../../../../contract/storage/object-store.ts';

export function describeObjectStoreContract(
  name: string,
  makeStore: () => ObjectStore,
  options: { largeBytes: number },
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    it('puts and gets bytes, from empty to large', async () => {
      const store = makeStore();
      for (const [key, size] of [
        ['e/empty', 0],
        ['inputs/A/c1/i1.share', 200_000],
        ['dealer/B/job-1/chunk-000000', options.largeBytes],
      ] as const) {
        const bytes = new Uint8Array(randomBytes(size));
        await store.putObject(key, bytes);
        expect(Buffer.from(await store.getObject(key)).equals(bytes)).toBe(true);
      }
    });

    it('replaces an object written again under the same key', async () => {
      const store = makeStore();
      await store.putObject('jobs/j1/job.json', Uint8Array.of(1, 2, 3));
      await store.putObject('jobs/j1/job.json', Uint8Array.of(4));
      expect([...(await store.getObject('jobs/j1/job.json'))]).toEqual([4]);
    });

    it('reports a missing object as ObjectNotFoundError and exists() false', async () => {
      const store = makeStore();
      await expect(store.getObject('nope/missing')).rejects.toBeInstanceOf(ObjectNotFoundError);
      expect(await store.exists('nope/missing')).toBe(false);
      await store.putObject('nope/present', Uint8Array.of(1));
      expect(await store.exists('nope/present')).toBe(true);
    });

    it('lists and deletes by prefix without touching other prefixes', async () => {
      const store = makeStore();
      const keys = Array.from({ length: 25 }, (_, i) => `dealer/A/job-9/part-${String(i).padStart(3, '0')}`);
      await Promise.all(keys.map((key) => store.putObject(key, Uint8Array.of(1))));
      await store.putObject('dealer/A/job-90/other', Uint8Array.of(2));
      expect((await store.listKeys('dealer/A/job-9/')).sort()).toEqual(keys);
      expect(await store.deleteKeys('dealer/A/job-9/')).toBe(25);
      expect(await store.listKeys('dealer/A/job-9/')).toEqual([]);
      expect(await store.listKeys('dealer/A/job-90/')).toEqual(['dealer/A/job-90/other']);
      expect(await store.deleteKeys('dealer/A/job-9/')).toBe(0);
    });
  });
}
