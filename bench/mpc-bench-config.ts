import { join } from 'node:path';
import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import type { Party } from '../contract/party.ts';

/** What the orchestrator (`bench/mpc.ts`) tells each party process (`bench/mpc-party.ts`). */
export interface PartyConfig {
  party: Party;
  port: number;
  directory: string;
  seed: string;
  tls: { keyPem: string; certPem: string; peerFingerprint: string };
  tasks: BenchTask[];
  /** Decode every input up front and hold them all (the servers' former behaviour), for comparison. */
  holdAllInputs: boolean;
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
