import type { JobStatusStore } from '../../contract/job/job-status.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import type { Party } from '../../contract/party.ts';
import {
  decodeManifest,
  encodeManifest,
  readSealed,
  writeSealed,
  type DealerManifest,
  type DealerOpening,
  type DealerSealing,
  type MaterialScope,
} from './dealer-envelope.ts';
import { DealerProgress } from './dealer-progress.ts';
import type { MaterialSink, MaterialSource } from './material-source.ts';

/**
 * Material through storage (`MPC_MATERIAL_PATH=s3`): the dealer HPKE-seals the manifest and every chunk to
 * the server's key and writes it under `storageLayout.dealerMaterialPrefix`; a server reads each object once
 * the dealer's report says it is written (`dealer-progress.ts`) and opens it with the pinned dealer key.
 */
export class StoredMaterialSource implements MaterialSource {
  private readonly progress: DealerProgress;

  constructor(
    private readonly options: {
      store: ObjectStore;
      status: JobStatusStore;
      scope: MaterialScope;
      keys: DealerOpening;
      chunkCount: number;
    },
  ) {
    this.progress = new DealerProgress(options.status, options.scope.jobId, options.chunkCount);
  }

  async manifest(): Promise<DealerManifest> {
    await this.progress.manifestWritten();
    const { store, scope, keys } = this.options;
    return decodeManifest(await readSealed(store, scope, keys, 'manifest'));
  }

  async chunk(chunk: number): Promise<Uint8Array> {
    await this.progress.chunkWritten(chunk);
    const { store, scope, keys } = this.options;
    return readSealed(store, scope, keys, chunk);
  }

  async close(): Promise<void> {}
}

export class StoredMaterialSink implements MaterialSink {
  readonly reportsEachChunk = true;

  constructor(
    private readonly options: {
      store: ObjectStore;
      scope: (party: Party) => MaterialScope;
      keys: (party: Party) => DealerSealing;
    },
  ) {}

  async start(manifests: Record<Party, DealerManifest>, step: (what: string) => void): Promise<void> {
    for (const party of ['A', 'B'] as const) {
      step(`writing the manifest for server ${party}`);
      await this.put(party, 'manifest', encodeManifest(manifests[party]));
    }
  }

  write(party: Party, chunk: number, material: Uint8Array): Promise<void> {
    return this.put(party, chunk, material);
  }

  async finish(): Promise<void> {}

  async abort(): Promise<void> {}

  private put(party: Party, chunk: number | 'manifest', plaintext: Uint8Array): Promise<void> {
    const { store, scope, keys } = this.options;
    return writeSealed(store, scope(party), keys(party), chunk, plaintext);
  }
}
