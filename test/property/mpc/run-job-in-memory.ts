import { randomBytes } from 'node:crypto';
import type { ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { decodeInputShare, shareRows, type Row } from '../../../contract/input/input-codec.ts';
import {
  decodeResult,
  encodeResultShare,
  type AnalysisResult,
} from '../../../contract/result/result-codec.ts';
import { compileProgram } from '../../../mpc-servers/analyses/program.ts';
import { inMemoryRowSource } from '../../../mpc-servers/analyses/row-source.ts';
import { runProgram } from '../../../mpc-servers/analyses/run-program.ts';
import { dealerChunks } from '../../../mpc-servers/dealer/dealer-plan.ts';
import { ChunkMaterial } from '../../../mpc-servers/engine/material.ts';
import { createInMemoryPeerPair } from '../../../mpc-servers/transport/in-memory-peer-channel.ts';
import type { Party } from '../../../contract/party.ts';
import { RecordingChannel } from './recording-channel.ts';

/**
 * A whole job in one process: clients share their rows with the real codec, the dealer plans and generates
 * material, A and B run the program over an in-memory channel, the recipient decodes. Only the transport and
 * storage are in memory; every byte format is the real one.
 */
export async function runJobInMemory(
  spec: ComputationSpec,
  participants: readonly (readonly Row[])[],
  options: { chunkRows?: number } = {},
): Promise<{
  results: AnalysisResult[];
  channels: [RecordingChannel, RecordingChannel];
  /** Each participant's plaintext share payloads and each chunk's dealer material, per party. */
  payloads: Record<Party, Uint8Array>[];
  material: Record<Party, Uint8Array>[];
}> {
  const payloads = participants.map((rows) => shareRows(rows, spec.fields));
  const totalRows = participants.reduce((total, rows) => total + rows.length, 0);
  const program = compileProgram(spec, totalRows, options);
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  const blobs = [...dealerChunks(program, seeds)];
  const pair = createInMemoryPeerPair();
  const channels: [RecordingChannel, RecordingChannel] = [
    new RecordingChannel(pair[0]),
    new RecordingChannel(pair[1]),
  ];
  const run = (party: Party, channel: RecordingChannel): Promise<BigUint64Array> =>
    runProgram(
      { party, channel },
      program,
      inMemoryRowSource(
        spec.fields.length,
        payloads.map((payload) => decodeInputShare(party, payload[party], spec.fields)),
      ),
      { material: async (chunk) => new ChunkMaterial(party, seeds[party], chunk, blobs[chunk]![party]) },
    );
  const [a, b] = await Promise.all([run('A', channels[0]), run('B', channels[1])]);
  const results = decodeResult(spec, encodeResultShare(a), encodeResultShare(b));
  return { results, channels, payloads, material: blobs };
}
