// The behaviour every ObjectStore adapter must show; run against the in-memory store (unit) and S3 on
// s3rver (integration).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ObjectNotFoundError,
  collectBytes,
  type ObjectStore,
} from '../../../../mpc-servers/storage/object-store.ts';

export function describeObjectStoreContract(
  name: string,
  makeStore: () => ObjectStore,
  options: { largeBytes: number },
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    it('puts and gets bytes, as a whole and as a stream', async () => {
      const store = makeStore();
      const bytes = new Uint8Array(randomBytes(200_000));
      await store.putObject('inputs/A/c1/i1.share', bytes);
      expect(Buffer.from(await store.getObject('inputs/A/c1/i1.share')).equals(bytes)).toBe(true);
      const streamed = await collectBytes(await store.getObjectStream('inputs/A/c1/i1.share'));
      expect(Buffer.from(streamed).equals(bytes)).toBe(true);
    });

    it('puts a large streamed body whose chunks do not line up with parts', async () => {
      const store = makeStore();
      const whole = new Uint8Array(randomBytes(options.largeBytes));
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let offset = 0; offset < whole.length; offset += 999_983)
          yield whole.subarray(offset, offset + 999_983);
      }
      await store.putObject('dealer/B/job-1/material', chunks());
      let received = 0;
      const parts: Buffer[] = [];
      for await (const chunk of await store.getObjectStream('dealer/B/job-1/material')) {
        received += chunk.length;
        parts.push(Buffer.from(chunk));
      }
      expect(received).toBe(whole.length);
      expect(Buffer.concat(parts).equals(whole)).toBe(true);
    });

    it('puts empty and single-chunk streamed bodies', async () => {
      const store = makeStore();
      await store.putObject('e/empty', []);
      expect((await store.getObject('e/empty')).length).toBe(0);
      await store.putObject('e/one', [Uint8Array.of(1, 2, 3)]);
      expect([...(await store.getObject('e/one'))]).toEqual([1, 2, 3]);
    });

    it('reports a missing object as ObjectNotFoundError and exists() false', async () => {
      const store = makeStore();
      await expect(store.getObject('nope/missing')).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store.getObjectStream('nope/missing')).rejects.toBeInstanceOf(ObjectNotFoundError);
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
