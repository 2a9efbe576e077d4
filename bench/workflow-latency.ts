import type { CreateCollaborationRequest } from '../client/sdk/api-models.ts';
import {
  collaborationOfParticipants,
  eventually,
  startE2eSystem,
  upload,
} from '../local/harness/whole-system.ts';

/**
 * The whole local system (API, state machine on aws-local-stepfunctions, dealer and servers as processes):
 * latency from the last input registered to the result-ready webhook, and the state transitions of each
 * collaboration counted from the interpreter's event log (Step Functions Standard bills per transition).
 * `npm run bench:workflow`; BENCH_COLLABORATIONS (default 3), BENCH_PARTICIPANTS (3), BENCH_ROWS (200 each).
 */
const collaborations = Number(process.env.BENCH_COLLABORATIONS ?? 3);
const participants = Number(process.env.BENCH_PARTICIPANTS ?? 3);
const rowsEach = Number(process.env.BENCH_ROWS ?? 200);
/** Step Functions Standard, us-east-1, per state transition (after the free tier). */
const USD_PER_TRANSITION = 0.000025;

const e2e = await startE2eSystem();
const inputSchema = {
  fields: [{ name: 'value', type: 'int', min: 0, max: 1000 }],
} as CreateCollaborationRequest['inputSchema'];
const rows = (seed: number) => Array.from({ length: rowsEach }, (_, i) => [(seed * 31 + i * 17) % 1001]);

interface Run {
  latencyMs: number;
  transitions: number;
  attempts: number;
}
const runs: Run[] = [];
try {
  for (let c = 0; c < collaborations; c++) {
    const { collaborationId, members } = await collaborationOfParticipants(
      e2e,
      `bench ${c}`,
      {
        analyses: [{ kind: 'count' }, { kind: 'mean', field: 'value' }, { kind: 'max', field: 'value' }],
        inputSchema,
      },
      participants,
      { clientIdPrefix: `bench-${c}-`, webhooks: true },
    );
    for (const [p, member] of members.slice(0, -1).entries()) await upload(member, collaborationId, rows(p));
    await upload(members.at(-1)!, collaborationId, rows(participants));
    const lastInputAt = Date.now();
    const hook = await e2e.hooks.next(
      (h) => h.clientId === members[0]!.clientId && h.body.includes('collaboration.result_ready'),
    );
    for (const member of members) await member.client.finishParticipation(collaborationId);
    const { runner } = e2e.plugin.workflow();
    await runner.execution(collaborationId)!.result;
    await eventually(
      () => e2e.client('owner').getCollaboration(collaborationId),
      (collaboration) => collaboration.status === 'COMPLETED',
      30_000,
    );
    runs.push({
      latencyMs: hook.receivedAt - lastInputAt,
      transitions: runner.stateTransitions(collaborationId),
      attempts: runner
        .execution(collaborationId)!
        .events.filter((event) => event.type === 'StateEntered' && event.state.name === 'PrepareAttempt')
        .length,
    });
  }
} finally {
  await e2e.stop();
}

const sorted = runs.map((run) => run.latencyMs).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const transitions = runs.map((run) => run.transitions);
console.log(
  `Workflow on the local system: ${collaborations} collaborations x ${participants} participants x ${rowsEach} rows`,
);
console.log('collab  last input -> result webhook  state transitions  attempts');
runs.forEach((run, index) =>
  console.log(
    `${String(index).padStart(6)}  ${`${run.latencyMs} ms`.padStart(28)}  ${String(run.transitions).padStart(17)}  ${String(run.attempts).padStart(8)}`,
  ),
);
console.log(
  `median latency ${median} ms; transitions per collaboration ${Math.min(...transitions)}..${Math.max(...transitions)} ` +
    `(~$${(Math.max(...transitions) * USD_PER_TRANSITION).toFixed(5)} each on Step Functions Standard)`,
);
console.log(
  JSON.stringify({
    collaborations,
    participants,
    rowsEach,
    latencyMsMedian: median,
    latencyMs: sorted,
    stateTransitions: transitions,
  }),
);
