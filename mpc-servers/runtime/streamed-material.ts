import { randomBytes } from 'node:crypto';
import type { JobStatusStore } from '../../contract/job/job-status.ts';
import type { PeerEndpoint } from '../../contract/job/peer-endpoint.ts';
import type { Party } from '../../contract/party.ts';
import { connectToMaterial } from '../transport/connect-to-material.ts';
import type { FramedSocket } from '../transport/framed-socket.ts';
import { FRAME_TYPE } from '../transport/frames.ts';
import { serveMaterial, type MaterialListener, type MaterialOffer } from '../transport/serve-material.ts';
import {
  decodeManifest,
  encodeManifest,
  MATERIAL_KEY_BYTES,
  openChunk,
  openMaterial,
  sealChunk,
  sealMaterial,
  type DealerManifest,
  type DealerOpening,
  type DealerSealing,
  type MaterialScope,
} from './dealer-envelope.ts';
import { DEALER_SILENCE_MS } from './dealer-progress.ts';
import { JobFailure } from './failure.ts';
import type { MaterialSink, MaterialSource } from './material-source.ts';
import { MaterialWindow } from './material-window.ts';

/**
 * Material streamed from the dealer to each server (`MPC_MATERIAL_PATH=stream`, the default) over the
 * handshake of `transport/material-handshake.ts`: the dealer listens and publishes its address in the job
 * status (sk `ENDPOINT#DEALER`), each server connects. The manifest stays HPKE Auth-sealed to the server
 * (it authenticates the dealer to the server, and only that server can open it and prove so); it carries a
 * fresh material key, under which each chunk is AES-256-GCM-sealed with the chunk's AAD (job,
 * collaboration, party, chunk index), so a chunk of another job, party or position does not open. Nothing
 * goes through storage; the dealer holds at most a `MaterialWindow` per server.
 */
export class StreamedMaterialSink implements MaterialSink {
  readonly reportsEachChunk = false;
  private readonly windows: Record<Party, MaterialWindow>;
  private readonly keys: Partial<Record<Party, Uint8Array>> = {};
  private listener: MaterialListener | undefined;
  private watch: NodeJS.Timeout | undefined;
  private readonly attached = new Set<Party>();

  constructor(
    private readonly options: {
      jobId: string;
      status: JobStatusStore;
      scope: (party: Party) => MaterialScope;
      sealing: (party: Party) => DealerSealing;
      /** Where to listen (port 0: any free port) and the host servers are told to connect to. */
      listen: { host: string; port: number };
      advertisedHost: string;
      windowBytes?: number;
      /** How long the dealer waits for a server to read its last chunk. Default DEALER_SILENCE_MS. */
      silenceMs?: number;
      log?: (message: string) => void;
    },
  ) {
    this.windows = {
      A: new MaterialWindow('A', options.windowBytes),
      B: new MaterialWindow('B', options.windowBytes),
    };
  }

  async start(manifests: Record<Party, DealerManifest>, step: (what: string) => void): Promise<void> {
    step('sealing the manifests and listening for the servers');
    const offers = {} as Record<Party, MaterialOffer>;
    for (const party of ['A', 'B'] as const) {
      const materialKey = randomBytes(MATERIAL_KEY_BYTES);
      this.keys[party] = materialKey;
      const manifest = { ...manifests[party], materialKey: materialKey.toString('base64') };
      const sealing = this.options.sealing(party);
      const sealedManifest = await sealMaterial(
        this.options.scope(party),
        sealing,
        'manifest',
        encodeManifest(manifest),
      );
      offers[party] = { sealedManifest, materialKey };
    }
    const { jobId, listen } = this.options;
    this.listener = await serveMaterial({
      jobId,
      ...listen,
      offers,
      ...(this.options.log && { log: this.options.log }),
    });
    for (const party of ['A', 'B'] as const)
      void this.listener.connection(party).then((framed) => {
        this.attached.add(party);
        this.windows[party].attach(framed);
      });
    await this.options.status.publishEndpoint(jobId, 'DEALER', {
      host: this.options.advertisedHost,
      port: this.listener.port,
    });
    this.watchUnconnectedServers();
  }

  /**
   * A server that fails before it connects (its configuration, the job's checks) never closes a stream: the
   * job status says so, and its window fails at once instead of the dealer waiting out its limit.
   */
  private watchUnconnectedServers(): void {
    const look = async (): Promise<void> => {
      if (this.attached.size === 2) return;
      const parties = await this.options.status
        .getJobStatus(this.options.jobId)
        .then((status) => status.parties)
        .catch(() => undefined);
      for (const party of ['A', 'B'] as const) {
        const report = parties?.[party];
        if (!this.attached.has(party) && report?.state === 'FAILED')
          this.windows[party].fail(
            `server ${party} failed before taking its material (${report.reasonCode})`,
          );
      }
      if (this.watch !== undefined) this.watch = setTimeout(() => void look(), SERVER_WATCH_MS);
    };
    this.watch = setTimeout(() => void look(), SERVER_WATCH_MS);
  }

  private stopWatching(): void {
    clearTimeout(this.watch);
    this.watch = undefined;
  }

  write(party: Party, chunk: number, material: Uint8Array): Promise<void> {
    const key = this.keys[party]!;
    return this.windows[party].push(sealChunk(key, this.options.scope(party), chunk, material));
  }

  async finish(): Promise<void> {
    const silenceMs = this.options.silenceMs ?? DEALER_SILENCE_MS;
    try {
      await Promise.all([this.windows.A.finish(silenceMs), this.windows.B.finish(silenceMs)]);
    } finally {
      this.stopWatching();
      await this.listener?.close();
    }
  }

  async abort(reason: string): Promise<void> {
    this.stopWatching();
    await Promise.all([this.windows.A.abort(reason), this.windows.B.abort(reason)]);
    await this.listener?.close();
  }
}

/** How often the dealer looks for servers that failed before connecting. */
const SERVER_WATCH_MS = 500;

/** How often a server looks for the dealer's address while the dealer starts. */
const ENDPOINT_POLL_MS = 50;

export class StreamedMaterialSource implements MaterialSource {
  private connection:
    Promise<{ framed: FramedSocket; manifest: DealerManifest; key: Uint8Array }> | undefined;
  private reading: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: {
      status: JobStatusStore;
      scope: MaterialScope;
      keys: DealerOpening;
      chunkCount: number;
      /** How long to wait for the dealer's address and to reach it. Default 120 s. */
      connectTimeoutMs?: number;
      /** How long a chunk may take to arrive. Default DEALER_SILENCE_MS. */
      silenceMs?: number;
    },
  ) {}

  async manifest(): Promise<DealerManifest> {
    return (await this.connect()).manifest;
  }

  chunk(chunk: number): Promise<Uint8Array> {
    // Chunks arrive in order on one connection: each read waits for the previous one.
    const read = this.reading.then(() => this.read(chunk));
    this.reading = read.catch(() => undefined);
    return read;
  }

  async close(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.framed.end(1_000).catch(() => undefined);
  }

  private connect(): Promise<{ framed: FramedSocket; manifest: DealerManifest; key: Uint8Array }> {
    this.connection ??= this.open();
    return this.connection;
  }

  private async open(): Promise<{ framed: FramedSocket; manifest: DealerManifest; key: Uint8Array }> {
    const { scope, keys } = this.options;
    const timeoutMs = this.options.connectTimeoutMs ?? 120_000;
    const endpoint = await this.dealerEndpoint(timeoutMs);
    let manifest: DealerManifest | undefined;
    let key: Uint8Array | undefined;
    try {
      const framed = await connectToMaterial({
        ...endpoint,
        jobId: scope.jobId,
        party: scope.party,
        connectTimeoutMs: timeoutMs,
        openManifest: async (sealed) => {
          manifest = decodeManifest(await openMaterial(scope, keys, 'manifest', sealed));
          key = Buffer.from(manifest.materialKey ?? '', 'base64');
          if (key.byteLength !== MATERIAL_KEY_BYTES)
            throw new JobFailure(
              'DEALER_MATERIAL_INVALID',
              'the streamed dealer manifest carries no material key',
            );
          return key;
        },
      });
      return { framed, manifest: manifest!, key: key! };
    } catch (error) {
      if (error instanceof JobFailure) throw error;
      throw new JobFailure(
        'DEALER_MATERIAL_MISSING',
        `no material stream from the dealer: ${(error as Error).message}`,
      );
    }
  }

  private async read(chunk: number): Promise<Uint8Array> {
    const { framed, key } = await this.connect();
    const { scope, chunkCount } = this.options;
    const what = `waiting for dealer material chunk ${chunk + 1} of ${chunkCount}`;
    let frame;
    try {
      frame = await framed.next(this.options.silenceMs ?? DEALER_SILENCE_MS, what);
    } catch (error) {
      throw new JobFailure(
        'DEALER_MATERIAL_MISSING',
        `the dealer's material stream broke: ${(error as Error).message}`,
      );
    }
    if (frame.type === FRAME_TYPE.refuse)
      throw new JobFailure(
        'DEALER_MATERIAL_MISSING',
        `the dealer ended the material stream before chunk ${chunk + 1} of ${chunkCount}: ${new TextDecoder().decode(frame.payload)}`,
      );
    if (frame.type !== FRAME_TYPE.data)
      throw new JobFailure(
        'DEALER_MATERIAL_INVALID',
        `the dealer sent frame type ${frame.type} for chunk ${chunk + 1}`,
      );
    const material = openChunk(key, scope, chunk, frame.payload);
    if (chunk === chunkCount - 1)
      await framed.send(FRAME_TYPE.goodbye, new Uint8Array(0)).catch(() => undefined);
    return material;
  }

  /** The dealer's address once it listens; fails at once when the dealer reports FAILED. */
  private async dealerEndpoint(timeoutMs: number): Promise<PeerEndpoint> {
    const { status, scope } = this.options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const endpoint = await status.getEndpoint(scope.jobId, 'DEALER');
      if (endpoint) return endpoint;
      const dealer = (await status.getJobStatus(scope.jobId)).parties.DEALER;
      if (dealer?.state === 'FAILED')
        throw new JobFailure(
          'DEALER_MATERIAL_MISSING',
          `the dealer failed before streaming material (${dealer.reasonCode})`,
        );
      if (Date.now() > deadline)
        throw new JobFailure(
          'DEALER_MATERIAL_MISSING',
          `the dealer published no material address within ${timeoutMs} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, ENDPOINT_POLL_MS));
    }
  }
}
