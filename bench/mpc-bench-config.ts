import { join } from 'node:path';
import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import type { Party } from '../contract/party.ts';

/** What the orchestrator (`bench/mpc.ts`) tells each party process (`bench/mpc-party.ts`). */
export interface PartyConfig {
  party: Party;
  /** B listens here; A connects here unless `connectPort` (a delaying proxy in front of B) is set. */
  port: number;
  connectPort?: number;
  directory: string;
  seed: string;
  tls: { keyPem: string; certPem: string; peerFingerprint: string };
  tasks: BenchTask[];
  /** Decode every input up front and hold them all (the servers' former behaviour), for comparison. */
  holdAllInputs: boolean;
}

/** What the orchestrator tells the dealer process (`bench/mpc-dealer.ts`). */
export interface DealerConfig {
  directory: string;
  /** The parties' 16-byte PRG seeds, base64. */
  seeds: { A: string; B: string };
  task: BenchTask;
  /** false: make the material and time it, but write nothing (a timing run with another thread count). */
  write: boolean;
}

/** The dealer's line for one task: generation seconds (writes excluded), ops, bytes per party, AES blocks. */
export interface DealerFigure {
  task: string;
  seconds: number;
  ops: number;
  bytes: { A: number; B: number };
  /** Blocks through node:crypto on the dealer's main thread (complete only without worker threads). */
  aesBlocks: number;
}

/** `bench/mpc-kernels.ts`'s line: the AES limit and the DCF kernels, per tree level. */
export interface KernelFigures {
  /** AES-128-ECB blocks/s on one thread at AES_LIMIT_CALL_BYTES per call (best of three). */
  aesBlocksPerSec: number;
  /** The same with 4 MiB per call. */
  aesLargeCallBlocksPerSec: number;
  dcfBits: number;
  dcfKeys: number;
  /**
   * Key generation as the dealer makes comparison material, both parties' keys: key-levels per second and
   * AES blocks per key-level.
   */
  generateLevelsPerSec: number;
  generateBlocksPerLevel: number;
  /** One party's evaluation at one point per key. */
  evaluateLevelsPerSec: number;
  evaluateBlocksPerLevel: number;
}

export type BenchTask =
  | { name: string; kind: 'multiply'; count: number; repeats: number }
  | { name: string; kind: 'compare'; bits: number; count: number; repeats: number }
  /** The validity check's comparison: [x - low < high - low + 1] over the whole 64-bit ring. */
  | { name: string; kind: 'rangeCheck'; count: number; repeats: number }
  | {
      name: string;
      kind: 'stats';
      label: string;
      spec: ComputationSpec;
      totalRows: number;
      inputs: number;
      /** false: the program without the validity check, to measure its cost. */
      validity: boolean;
    };

export const materialFile = (directory: string, task: string, party: Party, chunk: number): string =>
  join(directory, `${task}-${party}-${chunk}.bin`);
export const inputFile = (directory: string, task: string, input: number, party: Party): string =>
  join(directory, `${task}-input-${input}-${party}.bin`);

/** Rows per input of a statistics task: equal parts, the last one shorter. */
export function inputRowCounts(task: { totalRows: number; inputs: number }): number[] {
  const perInput = Math.ceil(task.totalRows / task.inputs);
  return Array.from({ length: task.inputs }, (_, i) =>
    Math.max(0, Math.min(perInput, task.totalRows - i * perInput)),
  );
}
