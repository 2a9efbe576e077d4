import type { ObjectStore } from '../../contract/storage/object-store.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';

/** Where every input share key starts (`inputs/`), from the storage layout. */
const INPUT_SHARES = storageLayout.inputShare('A', '', '').split('/')[0] + '/';

/**
 * One store for a server whose input shares lie in its own bucket (its administrative domain) while its job
 * descriptions and dealer material lie in the coordinator's: keys under `inputs/` go to `shares`, all others
 * to `jobs`.
 */
export function routeInputShares(jobs: ObjectStore, shares: ObjectStore): ObjectStore {
  const storeOf = (key: string): ObjectStore => (key.startsWith(INPUT_SHARES) ? shares : jobs);
  return {
    getObject: (key) => storeOf(key).getObject(key),
    putObject: (key, body, options) => storeOf(key).putObject(key, body, options),
    listKeys: (prefix) => storeOf(prefix).listKeys(prefix),
    deleteKeys: (prefix) => storeOf(prefix).deleteKeys(prefix),
    exists: (key) => storeOf(key).exists(key),
  };
}
