// Peer link throughput over loopback: A in this process, B in a child process, both directions at once
// (as in an MPC round). Prints a table and one JSON line. Usage: npx tsx bench/peer-link.ts [MiB] [rounds]
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connectToPeer } from '../mpc-servers/transport/connect-to-peer.ts';
import { listenForPeer } from '../mpc-servers/transport/listen-for-peer.ts';
import { createTlsIdentity } from '../mpc-servers/transport/tls-identity.ts';

interface Config {
  plaintext: boolean;
  messageBytes: number;
  rounds: number;
  tls: { keyPem: string; certPem: string; peerFingerprint: string } | undefined;
}

async function serveAsB(config: Config): Promise<void> {
  const listener = await listenForPeer({
    host: '127.0.0.1',
    port: 0,
    jobId: 'bench',
    tls: config.tls,
    allowPlaintext: config.plaintext,
  });
  console.log(`LISTENING ${listener.port}`);
  const channel = await listener.accept();
  const message = new Uint8Array(config.messageBytes).fill(2);
  for (let round = 0; round < config.rounds + 1; round++) await channel.exchange(message);
  await channel.close();
}

/** CPU time of A per MiB sent (A also receives as much): less sensitive to other load than wall time. */
let lastCpuMsPerMiB = 0;

async function measure(plaintext: boolean, messageBytes: number, rounds: number): Promise<number> {
  const a = createTlsIdentity({ commonName: 'bench A' });
  const b = createTlsIdentity({ commonName: 'bench B' });
  const childConfig: Config = {
    plaintext,
    messageBytes,
    rounds,
    tls: plaintext ? undefined : { keyPem: b.keyPem, certPem: b.certPem, peerFingerprint: a.fingerprint },
  };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), 'serve', JSON.stringify(childConfig)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const port = Number(/LISTENING (\d+)/.exec(String((await lines.next()).value))?.[1]);
  const channel = await connectToPeer({
    host: '127.0.0.1',
    port,
    jobId: 'bench',
    allowPlaintext: plaintext,
    tls: plaintext ? undefined : { keyPem: a.keyPem, certPem: a.certPem, peerFingerprint: b.fingerprint },
  });
  const message = new Uint8Array(messageBytes).fill(1);
  await channel.exchange(message); // warm-up round
  const start = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  for (let round = 0; round < rounds; round++) await channel.exchange(message);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  lastCpuMsPerMiB = (cpu.user + cpu.system) / 1000 / ((messageBytes * rounds) / (1 << 20));
  await channel.close();
  await new Promise((resolve) => child.once('exit', resolve));
  return seconds;
}

if (process.argv[2] === 'serve') {
  await serveAsB(JSON.parse(process.argv[3] ?? '{}') as Config);
} else {
  const mib = Number(process.argv[2] ?? 32);
  const rounds = Number(process.argv[3] ?? 8);
  const results: Record<string, number> = {};
  console.log(`peer link, loopback, ${mib} MiB per message each way, ${rounds} rounds`);
  for (const [name, plaintext] of [
    ['tls13', false],
    ['plaintext', true],
  ] as const) {
    // MiB/s sent by A while B sends as much at the same time.
    results[`${name}MiBPerSec`] = Math.round((mib * rounds) / (await measure(plaintext, mib << 20, rounds)));
    results[`${name}CpuMsPerMiB`] = Number(lastCpuMsPerMiB.toFixed(2));
    console.log(
      `${name.padEnd(10)} ${String(results[`${name}MiBPerSec`]).padStart(6)} MiB/s per direction, ` +
        `A spends ${results[`${name}CpuMsPerMiB`]} ms CPU per MiB sent and received`,
    );
  }
  const smallRounds = 2_000;
  const small = Math.round(smallRounds / (await measure(false, 16, smallRounds)));
  console.log(`tls13 16-byte rounds ${String(small).padStart(6)} rounds/s (latency bound)`);
  console.log(JSON.stringify({ messageMiB: mib, rounds, ...results, tls13SmallRoundsPerSec: small }));
}
