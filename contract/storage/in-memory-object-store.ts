/**
 * `ObjectStore` in memory, for unit tests of the dealer and servers. Stores copies so callers cannot
 * mutate stored objects.
 */
import { ObjectNotFoundError, type ObjectStore } from './object-store.ts';

export class InMemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, Uint8Array>();

  async getObject(key: string): Promise<Uint8Array> {
    const object = this.objects.get(key);
    if (object === undefined) throw new ObjectNotFoundError(key);
    return object.slice();
  }

  async putObject(key: string, body: Uint8Array): Promise<void> {
    this.objects.set(key, body.slice());
  }

  async listKeys(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async deleteKeys(prefix: string): Promise<number> {
    const keys = await this.listKeys(prefix);
    for (const key of keys) this.objects.delete(key);
    return keys.length;
  }

  async exists(key: string): Promise<boolean> {
    return this.objects.has(key);
  }
}
