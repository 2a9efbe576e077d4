/**
 * One computing party of `bench/mpc.ts`, run as its own process: links to the other party over loopback
 * TCP with pinned TLS 1.3 (MPC-IO's peer link), then runs the benchmark tasks in lockstep with it, reading
 * dealer material and input shares the dealer and orchestrator wrote to files. Prints one JSON line per task
 * with its time, bytes sent, round trips (exchanges on the peer channel) and the AES blocks this thread took.
 * Worker threads come from the environment (MPC_WORKER_THREADS), as in a server task.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { compileProgram } from '../mpc-servers/analyses/program.ts';
import { inMemoryRowSource, SequentialRowSource } from '../mpc-servers/analyses/row-source.ts';
import { resultShareFor, runProgram } from '../mpc-servers/analyses/run-program.ts';
import { decodeInputShare } from '../contract/input/input-codec.ts';
import { ChunkMaterial, WHOLE_RING_BITS } from '../mpc-servers/engine/material.ts';
import {
  belowPublicStep,
  lessThanZeroStep,
  multiplyStep,
  runRound,
  type PartyContext,
  type RoundStep,
} from '../mpc-servers/engine/ops.ts';
import { ringVector, wordsFromBytes, type RingVector } from '../contract/sharing/ring.ts';
import { startWorkers } from '../mpc-servers/engine/worker-pool.ts';
import { connectToPeer } from '../mpc-servers/transport/connect-to-peer.ts';
import { listenForPeer } from '../mpc-servers/transport/listen-for-peer.ts';
import { aesBlocksCounted, installAesBlockCounter } from './aes-block-counter.ts';
import { CountingPeerChannel } from './counting-peer-channel.ts';
import {
  inputFile,
  inputRowCounts,
  materialFile,
  type BenchTask,
  type PartyConfig,
} from './mpc-bench-config.ts';

installAesBlockCounter();

async function link(config: PartyConfig): Promise<CountingPeerChannel> {
  const options = { jobId: 'bench', tls: config.tls, silenceTimeoutMs: 300_000 };
  if (config.party === 'B') {
    const listener = await listenForPeer({ ...options, host: '127.0.0.1', port: config.port });
    console.log(JSON.stringify({ listening: true }));
    return new CountingPeerChannel(await listener.accept({ timeoutMs: 60_000 }));
  }
  const port = config.connectPort ?? config.port;
  return new CountingPeerChannel(
    await connectToPeer({ ...options, host: '127.0.0.1', port, connectTimeoutMs: 60_000 }),
  );
}

async function material(config: PartyConfig, task: string, chunk: number): Promise<ChunkMaterial> {
  return new ChunkMaterial(
    config.party,
    Buffer.from(config.seed, 'base64'),
    chunk,
    readBytes(materialFile(config.directory, task, config.party, chunk)),
  );
}

/**
 * A file's bytes without a copy: readFileSync allocates the file's size once (the promise API reads in
 * pieces and concatenates: 2x peak).
 */
function readBytes(path: string): Uint8Array {
  const blob = readFileSync(path);
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}

const randomShares = (count: number): BigUint64Array => wordsFromBytes(randomBytes(count * 8));

async function runTask(
  context: PartyContext & { channel: CountingPeerChannel },
  config: PartyConfig,
  task: BenchTask,
): Promise<Record<string, unknown>> {
  const sentBefore = context.channel.bytesSent;
  const exchangesBefore = context.channel.exchanges;
  const blocksBefore = aesBlocksCounted();
  if (task.kind === 'stats') {
    const program = compileProgram(task.spec, task.totalRows, { validity: task.validity });
    const { fields } = task.spec;
    const decodeInput = (i: number) =>
      decodeInputShare(
        config.party,
        readBytes(inputFile(config.directory, task.name, i, config.party)),
        fields,
      );
    // As the server does: each input read and decoded when its rows are first needed, one held at a time
    // (holdAllInputs: all decoded up front and held, as the servers did before).
    const rows = config.holdAllInputs
      ? inMemoryRowSource(
          fields.length,
          inputRowCounts(task).map((_, i) => decodeInput(i)),
        )
      : new SequentialRowSource(fields.length, inputRowCounts(task), async (i) => decodeInput(i));
    const started = performance.now();
    const output = await runProgram(context, program, rows, {
      material: (chunk) => material(config, task.name, chunk),
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      bytesSent: context.channel.bytesSent - sentBefore,
      rounds: context.channel.exchanges - exchangesBefore,
      aesBlocks: aesBlocksCounted() - blocksBefore,
      output: [...resultShareFor(output, [])].map(String),
      chunks: program.chunkCount,
      chunkRows: program.chunkRows,
    };
  }
  const times: number[] = [];
  let timedBlocks = 0;
  for (let repeat = 0; repeat < task.repeats; repeat++) {
    // The previous repeat's material is garbage by now; collect it so peak RSS reflects one batch.
    (globalThis as { gc?: () => void }).gc?.();
    const round = await timedRound(context, config, task, repeat);
    times.push(round.seconds);
    timedBlocks += round.aesBlocks;
  }
  times.sort((a, b) => a - b);
  return {
    seconds: times[Math.floor(times.length / 2)],
    bytesSent: context.channel.bytesSent - sentBefore,
    // Each repeat is an aligning exchange and the op's one round.
    rounds: (context.channel.exchanges - exchangesBefore) / task.repeats - 1,
    aesBlocks: timedBlocks,
    ops: task.count * task.repeats,
  };
}

/**
 * One timed round of a single-op task, with the AES blocks of the timed part (material expansion is not
 * timed); its material is unreachable once this returns.
 */
async function timedRound(
  context: PartyContext,
  config: PartyConfig,
  task: BenchTask & { kind: 'multiply' | 'compare' | 'rangeCheck' },
  repeat: number,
): Promise<{ seconds: number; aesBlocks: number }> {
  const chunkMaterial = await material(config, task.name, repeat);
  const x = randomShares(task.count);
  const step: RoundStep<RingVector> =
    task.kind === 'multiply'
      ? multiplyStep(context, x, randomShares(task.count), chunkMaterial.triples(task.count))
      : task.kind === 'compare'
        ? lessThanZeroStep(context, x, chunkMaterial.comparisons(task.bits, task.count))
        : belowPublicStep(
            context,
            x,
            ringVector(task.count).fill(1001n),
            chunkMaterial.comparisons(WHOLE_RING_BITS, task.count),
          );
  await runRound(context, []); // align both parties before timing
  const blocksBefore = aesBlocksCounted();
  const started = performance.now();
  await runRound(context, [step]);
  const seconds = (performance.now() - started) / 1000;
  const aesBlocks = aesBlocksCounted() - blocksBefore;
  return { seconds, aesBlocks };
}

/**
 * Peak RSS: the kernel's high-water mark of this process (VmHWM, reset at exec, so not the orchestrator's
 * peak as getrusage's maxRSS would be), read when asked, nothing sampled while the job runs (sampling
 * every 5 ms cost the timed job 2-4 % of its CPU). Without /proc, the RSS sampled every 50 ms.
 */
let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
function peakRssBytes(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) * 1024;
  } catch {
    // not Linux: the samples below
  }
  sampleRss();
  return peakRss;
}
if (!existsSync('/proc/self/status')) setInterval(sampleRss, 50).unref();

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as PartyConfig;
  // Worker threads loaded before the job, so the timed part runs on all of them (a server starts them at its
  // first large DCF batch, which itself still runs on one thread).
  await startWorkers();
  const channel = await link(config);
  const context = { party: config.party, channel };
  for (const task of config.tasks) {
    const result = await runTask(context, config, task);
    console.log(
      JSON.stringify({
        task: task.name,
        party: config.party,
        ...result,
        maxRssMiB: peakRssBytes() / 2 ** 20,
      }),
    );
  }
  await channel.close();
}

await main();
process.exit(0);
