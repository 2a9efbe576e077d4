import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import LRUCache from '../../../../lambdas/adapters/lambda-lru-cache.ts';

/** The LRUCache the SDK's endpoint cache really loads (mnemonist, resolved from @aws-sdk/endpoint-cache). */
const requireFromSdk = createRequire(createRequire(import.meta.url).resolve('@aws-sdk/endpoint-cache'));
const LRUCacheOfMnemonist = requireFromSdk('mnemonist/lru-cache') as new <K, V>(
  capacity: number,
) => Pick<LRUCache<K, V>, 'get' | 'peek' | 'has' | 'set' | 'size'>;

type Operation = { kind: 'get' | 'peek' | 'has'; key: number } | { kind: 'set'; key: number; value: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('get' as const, 'peek' as const, 'has' as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant('set' as const), key: fc.nat(4), value: fc.integer() }),
);

describe('the Lambda bundles’ LRU cache', () => {
  it('answers every sequence of the calls the SDK’s endpoint cache makes as mnemonist’s LRUCache does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        // Long sequences over few keys: evictions of entries read since they were set happen often.
        fc.array(operation, { minLength: 20, maxLength: 80 }),
        (capacity, calls) => {
          const ours = new LRUCache<number, number>(capacity);
          const theirs = new LRUCacheOfMnemonist<number, number>(capacity);
          for (const call of calls) {
            if (call.kind === 'set') {
              ours.set(call.key, call.value);
              theirs.set(call.key, call.value);
            } else
              expect(ours[call.kind](call.key), JSON.stringify(call)).toEqual(theirs[call.kind](call.key));
          }
          expect(ours.size).toBe(theirs.size);
        },
      ),
    );
  });

  it('evicts the least recently used entry; get counts as a use, peek does not', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    cache.get('a');
    cache.peek('b');
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
