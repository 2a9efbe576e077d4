/**
 * `ObjectStore` in memory, for unit tests of the dealer and servers. Stores copies so callers cannot
 * mutate stored objects; streams objects back in chunks of `chunkBytes` to exercise streaming readers.
 */
import { ObjectNotFoundError, collectBytes, type ObjectBody, type ObjectStore } from './object-store.ts';

export class InMemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, Uint8Array>();

  constructor(private readonly chunkBytes = 64 << 10) {}

  async getObject(key: string): Promise<Uint8Array> {
    return this.stored(key).slice();
  }

  async getObjectStream(key: string): Promise<AsyncIterable<Uint8Array>> {
    const object = this.stored(key);
    const chunkBytes = this.chunkBytes;
    return (async function* () {
      for (let offset = 0; offset < object.length; offset += chunkBytes) {
        yield object.slice(offset, offset + chunkBytes);
      }
    })();
  }

  async putObject(key: string, body: ObjectBody): Promise<void> {
    const bytes = body instanceof Uint8Array ? body : await collectBytes(body);
    this.objects.set(key, bytes.slice());
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

  private stored(key: string): Uint8Array {
    const object = this.objects.get(key);
    if (object === undefined) throw new ObjectNotFoundError(key);
    return object;
  }
}
