import { randomBytes } from 'node:crypto';
import type { ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { decodeInputShare, shareRows, type Row } from '../../../contract/input/input-codec.ts';
import {
  decodeResultDetails,
  encodeResultShare,
  type AnalysisResult,
} from '../../../contract/result/result-codec.ts';
import { compileProgram } from '../../../mpc-servers/analyses/program.ts';
import { inMemoryRowSource } from '../../../mpc-servers/analyses/row-source.ts';
import { resultShareFor, runProgram, type ProgramOutput } from '../../../mpc-servers/analyses/run-program.ts';
import { dealerChunks } from '../../../mpc-servers/dealer/dealer-plan.ts';
import { ChunkMaterial } from '../../../mpc-servers/engine/material.ts';
import { createInMemoryPeerPair } from '../../../mpc-servers/transport/in-memory-peer-channel.ts';
import type { Party } from '../../../contract/party.ts';
import { RecordingChannel } from './recording-channel.ts';

/**
 * A whole job in one process: clients share their rows with the real codec, the dealer plans and generates
 * material, A and B run the program over an in-memory channel, the recipient decodes. Only the transport and
 * storage are in memory; every byte format is the real one. `rawPayloads` are appended after the
 * participants' inputs as they are: a dishonest participant's shares built without the codec's checks.
 */
export async function runJobInMemory(
  spec: ComputationSpec,
  participants: readonly (readonly Row[])[],
  options: {
    chunkRows?: number;
    rawPayloads?: readonly Record<Party, Uint8Array>[];
    /** Off only to test the programs without the range check (rows are then trusted). */
    validity?: boolean;
  } = {},
): Promise<{
  results: AnalysisResult[];
  /** Each server's output words (`ProgramOutput.words`): a recipient adds them slot by slot. */
  outputWords: Record<Party, BigUint64Array>;
  droppedRows: number;
  /** Per input (participants, then raw payloads): the dropped rows its owner's result share reveals. */
  ownDroppedRows: number[];
  channels: [RecordingChannel, RecordingChannel];
  /** Each participant's plaintext share payloads and each chunk's dealer material, per party. */
  payloads: Record<Party, Uint8Array>[];
  material: Record<Party, Uint8Array>[];
}> {
  const payloads = [
    ...participants.map((rows) => shareRows(rows, spec.fields)),
    ...(options.rawPayloads ?? []),
  ];
  const decoded = (party: Party) =>
    payloads.map((payload) => decodeInputShare(party, payload[party], spec.fields));
  const rowCounts = decoded('A').map((input) => input.rowCount);
  const totalRows = rowCounts.reduce((total, count) => total + count, 0);
  const program = compileProgram(spec, totalRows, options);
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  const blobs = [...dealerChunks(program, seeds)];
  const pair = createInMemoryPeerPair();
  const channels: [RecordingChannel, RecordingChannel] = [
    new RecordingChannel(pair[0]),
    new RecordingChannel(pair[1]),
  ];
  const run = (party: Party, channel: RecordingChannel): Promise<ProgramOutput> =>
    runProgram({ party, channel }, program, inMemoryRowSource(spec.fields.length, decoded(party)), {
      material: async (chunk) => new ChunkMaterial(party, seeds[party], chunk, blobs[chunk]![party]),
      inputRowCounts: rowCounts,
    });
  const [a, b] = await Promise.all([run('A', channels[0]), run('B', channels[1])]);
  const decode = (owned: number[]) =>
    decodeResultDetails(
      spec,
      encodeResultShare(resultShareFor(a, owned)),
      encodeResultShare(resultShareFor(b, owned)),
    );
  const { analyses: results, droppedRows } = decode([]);
  const ownDroppedRows = payloads.map((_, input) => decode([input]).ownDroppedRows);
  const outputWords = { A: a.words, B: b.words };
  return { results, outputWords, droppedRows, ownDroppedRows, channels, payloads, material: blobs };
}
