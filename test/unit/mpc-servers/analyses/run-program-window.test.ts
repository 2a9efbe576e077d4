import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { decodeInputShare, shareRows } from '../../../../contract/input/input-codec.ts';
import { decodeResultDetails, encodeResultShare } from '../../../../contract/result/result-codec.ts';
import type { Party } from '../../../../contract/party.ts';
import { compileProgram, type Program } from '../../../../mpc-servers/analyses/program.ts';
import { inMemoryRowSource } from '../../../../mpc-servers/analyses/row-source.ts';
import {
  chunkWindowSetting,
  resultShareFor,
  runProgram,
  runRowChunks,
  type RowFigures,
} from '../../../../mpc-servers/analyses/run-program.ts';
import { dealerChunks } from '../../../../mpc-servers/dealer/dealer-plan.ts';
import { ChunkMaterial } from '../../../../mpc-servers/engine/material.ts';
import { createInMemoryPeerPair } from '../../../../mpc-servers/transport/in-memory-peer-channel.ts';
import type { PeerChannel } from '../../../../mpc-servers/transport/peer-channel.ts';

/** Sums, squares, thresholds, a paired min/max field and an unpaired max field. */
const spec: ComputationSpec = {
  fields: [
    { name: 'days', type: 'int', min: 0, max: 365 },
    { name: 'amount', type: 'fixed', fractionalBits: 8, min: 0, max: 100_000 },
    { name: 'score', type: 'int', min: -50, max: 50 },
  ],
  analyses: [
    { kind: 'count' },
    { kind: 'variance', field: 'days' },
    { kind: 'histogram', field: 'days', binEdges: [30, 90, 180] },
    { kind: 'sum', field: 'amount' },
    { kind: 'min', field: 'amount' },
    { kind: 'max', field: 'amount' },
    { kind: 'max', field: 'score' },
  ],
};

interface Job {
  program: Program;
  seeds: Record<Party, Uint8Array>;
  blobs: Record<Party, Uint8Array>[];
  inputs: Record<Party, ReturnType<typeof decodeInputShare>[]>;
  rowCounts: number[];
}

function makeJob(inputRows: readonly (readonly number[][])[], chunkRows: number): Job {
  const payloads = inputRows.map((rows) => shareRows(rows, spec.fields));
  const decoded = (party: Party) =>
    payloads.map((payload) => decodeInputShare(party, payload[party], spec.fields));
  const inputs = { A: decoded('A'), B: decoded('B') };
  const rowCounts = inputs.A.map((input) => input.rowCount);
  const program = compileProgram(
    spec,
    rowCounts.reduce((total, count) => total + count, 0),
    { chunkRows },
  );
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  return { program, seeds, blobs: [...dealerChunks(program, seeds)], inputs, rowCounts };
}

/** Both parties over one in-memory link; `wrap` may hide its sub-channels or count its rounds in flight. */
async function runBoth<T>(
  job: Job,
  run: (party: Party, channel: PeerChannel, options: Parameters<typeof runRowChunks>[3]) => Promise<T>,
  window: number,
  wrap: (channel: PeerChannel) => PeerChannel = (channel) => channel,
): Promise<Record<Party, T>> {
  const [channelA, channelB] = createInMemoryPeerPair();
  const go = (party: Party, channel: PeerChannel): Promise<T> =>
    run(party, wrap(channel), {
      material: async (chunk) => new ChunkMaterial(party, job.seeds[party], chunk, job.blobs[chunk]![party]),
      inputRowCounts: job.rowCounts,
      window,
    });
  const [A, B] = await Promise.all([go('A', channelA), go('B', channelB)]);
  return { A, B };
}

const figures = (job: Job, window: number, wrap?: (channel: PeerChannel) => PeerChannel) =>
  runBoth<RowFigures>(
    job,
    (party, channel, options) =>
      runRowChunks(
        { party, channel },
        job.program,
        inMemoryRowSource(spec.fields.length, job.inputs[party]),
        options,
      ),
    window,
    wrap,
  );

/** A channel without sub-channels: the chunks then run one after the other. */
const withoutSubChannels = (channel: PeerChannel): PeerChannel => ({
  exchange: (message) => channel.exchange(message),
  get bytesSent() {
    return channel.bytesSent;
  },
  get bytesReceived() {
    return channel.bytesReceived;
  },
  close: () => channel.close(),
});

const row = fc.tuple(
  fc.integer({ min: 0, max: 365 }),
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: -50, max: 50 }),
);

describe('row chunks in a window', () => {
  it('gives exactly the shares of the chunks one by one, for any chunking and window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(row, { minLength: 1, maxLength: 90 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 2, max: 7 }),
        async (inputRows, chunkRows, window) => {
          const job = makeJob(inputRows, chunkRows);
          const [windowed, sequential] = [await figures(job, window), await figures(job, 1)];
          expect(windowed).toEqual(sequential);
          const unsplit = await figures(job, window, withoutSubChannels);
          expect(unsplit).toEqual(sequential);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('runs several chunks at once and still reaches the result of the whole program', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [i % 366, (i * 331) % 100_001, (i % 101) - 50]);
    const job = makeJob([rows.slice(0, 120), rows.slice(120)], 32);
    let inFlight = 0;
    let mostInFlight = 0;
    const counting = (channel: PeerChannel): PeerChannel => ({
      ...withoutSubChannels(channel),
      subChannel: (id) => {
        const sub = channel.subChannel!(id);
        return {
          ...withoutSubChannels(sub),
          exchange: async (message) => {
            mostInFlight = Math.max(mostInFlight, ++inFlight);
            try {
              return await sub.exchange(message);
            } finally {
              inFlight--;
            }
          },
        };
      },
    });
    const run = (window: number, wrap?: (channel: PeerChannel) => PeerChannel) =>
      runBoth(
        job,
        (party, channel, options) =>
          runProgram(
            { party, channel },
            job.program,
            inMemoryRowSource(spec.fields.length, job.inputs[party]),
            options,
          ),
        window,
        wrap,
      );
    const windowed = await run(4, counting);
    // Both parties' rounds of up to 4 chunks at a time.
    expect(mostInFlight).toBeGreaterThan(2);
    expect(mostInFlight).toBeLessThanOrEqual(8);
    const sequential = await run(1);
    expect(windowed.A.words).toEqual(sequential.A.words);
    expect(windowed.B.words).toEqual(sequential.B.words);
    const { analyses } = decodeResultDetails(
      spec,
      encodeResultShare(resultShareFor(windowed.A, [])),
      encodeResultShare(resultShareFor(windowed.B, [])),
    );
    const value = (kind: string, field?: string) =>
      analyses.find((a) => a.kind === kind && a.field === field)?.value;
    const column = (f: number) => rows.map((r) => r[f]!);
    expect(value('count')).toBe(300);
    expect(value('sum', 'amount')).toBeCloseTo(
      column(1).reduce((t, x) => t + x, 0),
      0,
    );
    expect(value('min', 'amount')).toBe(Math.min(...column(1)));
    expect(value('max', 'amount')).toBe(Math.max(...column(1)));
    expect(value('max', 'score')).toBe(Math.max(...column(2)));
  });

  it('takes its window from MPC_CHUNK_WINDOW and refuses a bad one in one line', () => {
    expect(chunkWindowSetting({})).toBe(16);
    expect(chunkWindowSetting({ MPC_CHUNK_WINDOW: '3' })).toBe(3);
    expect(() => chunkWindowSetting({ MPC_CHUNK_WINDOW: '0' })).toThrow(/MPC_CHUNK_WINDOW must be/);
    expect(() => chunkWindowSetting({ MPC_CHUNK_WINDOW: 'many' })).toThrow(/got "many"/);
  });
});
