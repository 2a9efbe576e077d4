import { availableParallelism } from 'node:os';
import { HttpWebhookNotifier } from '../../lambdas/adapters/webhooks/http-webhook-notifier.ts';
import { workflowStepHandlers } from '../../lambdas/handlers/workflow/registry.ts';
import { workflowSettingsFrom } from '../../lambdas/handlers/workflow/workflow-settings.ts';
import type { WorkflowStepHandler } from '../../lambdas/handlers/workflow/workflow-step.ts';
import type { WorkflowSettings } from '../../lambdas/ports/workflow-ports.ts';
import type { LocalWiring } from '../../lambdas/wiring/coordinator-settings.ts';
import { PEER_HOST_PUBLISHED_BY_B } from '../../contract/job/peer-endpoint.ts';
import { WORKER_THREADS_VARIABLE } from '../../mpc-servers/engine/worker-pool.ts';
import { LocalComputeLauncher } from '../compute/local-compute-launcher.ts';
import { DOMAIN_CREDENTIALS } from '../emulators/credentials.ts';
import type { GeneratedDealerKey, GeneratedServerKey } from '../runtime/server-keys.ts';
import { LocalWorkflowRunner } from './local-workflow-runner.ts';
import { RecordingEventPublisher } from './recording-event-publisher.ts';

/** What a local run changes from the AWS defaults: short polls, few retries, fast webhook backoff. */
export interface LocalWorkflowSettings {
  /** Over the local defaults and MPC_ROWS_PER_SHARD of this process's environment (e.g. `rowsPerShard`). */
  settings?: Partial<WorkflowSettings>;
  /** Milliseconds of the definition's Wait states (WaitBeforeCheck, WaitBeforeShardCheck). */
  waitOverridesMs?: Record<string, number>;
  webhook?: { maxAttempts?: number; firstBackoffMs?: number; timeoutMs?: number };
  /** Extra environment of the compute tasks (e.g. MPC_PEER_SILENCE_MS). */
  taskEnv?: Record<string, string>;
  /**
   * Run the Fargate way: the job names no host, B publishes the address the (emulated) ECS task metadata
   * endpoint at `metadataUri` gives it, A waits for it.
   */
  peerDiscovery?: { metadataUri: string };
  /** Task output lines; default: dropped. */
  taskLog?: (container: string, line: string) => void;
  /** Node.js options of the task processes (e.g. `--cpu-prof`). */
  taskNodeArgs?: readonly string[];
}

export interface LocalWorkflow {
  runner: LocalWorkflowRunner;
  launcher: LocalComputeLauncher;
  events: RecordingEventPublisher;
  /** The in-process twins and the local tunables, for the system's container. */
  wiring: LocalWiring;
  stop(): Promise<void>;
}

/**
 * The longest wait of a local poll (WaitBeforeCheck, a shard's WaitBeforeShardCheck): CheckJob runs at the
 * next outcome line or stop of one of the attempt's tasks, or after this long (`promptCheckJob`), so a
 * finished job is seen at once, and the poll budget lasts minutes.
 */
export const LOCAL_POLL_WAIT_MS = 1_000;

/** What is left of the definition's Wait state before a local CheckJob: the step itself waits. */
const LOCAL_POLL_STATE_MS = 20;

/**
 * CheckJob as the local runtime runs it: first it waits up to LOCAL_POLL_WAIT_MS for one of the attempt's
 * tasks to log its outcome or stop, unless one did since this attempt's last check. On AWS the Wait state
 * alone paces the polls (a Lambda must not idle).
 */
function promptCheckJob(handler: WorkflowStepHandler, launcher: LocalComputeLauncher): WorkflowStepHandler {
  const seen = new Map<string, number>();
  return async (payload, context) => {
    const tasks = (payload.tasks ?? {}) as Record<string, { taskArn?: unknown } | undefined>;
    const arns = Object.values(tasks)
      .map((task) => task?.taskArn)
      .filter((arn): arn is string => typeof arn === 'string');
    const key = arns.join(' ');
    if (arns.length > 0 && launcher.reportCount(arns) === (seen.get(key) ?? 0))
      await launcher.nextReport(arns, LOCAL_POLL_WAIT_MS);
    seen.set(key, launcher.reportCount(arns));
    return handler(payload, context);
  };
}

export const LOCAL_WORKFLOW_DEFAULTS: Partial<WorkflowSettings> = {
  attempts: 3,
  firstPollWaitSeconds: 1,
  maxPollWaitSeconds: 2,
  // Polls start when the dealer does and come about every second locally (LOCAL_POLL_WAIT_MS): 600 of them cover
  // ten minutes of dealer and servers, such as a 10^6-row job on a busy machine; 3 x 600 stays within the 2,000
  // rounds allowed.
  pollsPerAttempt: 600,
  staleAfterMs: 60_000,
  retentionSeconds: 24 * 3600,
};

/**
 * `MPC_ROWS_PER_SHARD=… npm start` shards as the deployed PrepareAttempt does (the handlers' environment is the
 * system's own, not this process's); checked the same way, so a bad value stops the start with its name.
 */
function shardingFromEnvironment(): Partial<WorkflowSettings> {
  const rows = process.env.MPC_ROWS_PER_SHARD;
  return rows ? { rowsPerShard: workflowSettingsFrom({ MPC_ROWS_PER_SHARD: rows }).rowsPerShard } : {};
}

/**
 * The workflow half of the local runtime: the same definition run by aws-local-stepfunctions, the step
 * handlers in-process, the compute tasks as child processes, status events recorded. The system wires these
 * twins (`wiring`) into the container its handlers run in; `inSystem` runs each step in that container.
 */
/** Each task signs with its own domain's key pair, as each runs under its own task role on AWS. */
function domainCredentials(task: 'dealer' | 'serverA' | 'serverB'): Record<string, string> {
  const { accessKeyId, secretAccessKey } = DOMAIN_CREDENTIALS[task];
  return { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey };
}

/**
 * Worker threads of each local task. On Fargate each task has its own vCPUs (`workerThreadsOf`); here a
 * job's three tasks (three per shard) share this machine's cores, and threads beyond the cores only
 * contend. MPC_WORKER_THREADS in this process's environment overrides it.
 */
export function localTaskThreads(
  cores = availableParallelism(),
  configured = process.env[WORKER_THREADS_VARIABLE],
): string {
  return configured ?? String(Math.max(1, Math.floor(cores / 3)));
}

export function startLocalWorkflow(options: {
  env: Record<string, string>;
  serverKeys: readonly GeneratedServerKey[];
  dealerKey: GeneratedDealerKey;
  inSystem: <T>(body: () => T) => T;
  local?: LocalWorkflowSettings;
  log?: (message: string) => void;
}): LocalWorkflow {
  const local = options.local ?? {};
  const serverKey = (id: 'A' | 'B'): GeneratedServerKey => {
    const key = options.serverKeys.find((server) => server.id === id);
    if (!key) throw new Error(`no key for server ${id}`);
    return key;
  };
  // What each server's operator configures: its own key file, the peer's pinned TLS fingerprint and the
  // dealer's pinned public key.
  const serverEnv = (id: 'A' | 'B'): Record<string, string> => ({
    ...domainCredentials(`server${id}`),
    // The input shares sealed to it, in its own bucket; the coordinator's input bucket has the rest.
    INPUT_SHARE_BUCKET: options.env[`SERVER_${id}_INPUT_BUCKET`] ?? options.env.INPUT_BUCKET ?? '',
    MPC_KEY_FILE: serverKey(id).keyFilePath,
    PEER_TLS_FINGERPRINT: serverKey(id === 'A' ? 'B' : 'A').tlsFingerprint,
    MPC_DEALER_PUBLIC_KEY: options.dealerKey.publicKey,
  });
  // B listens on loopback; A is told where B is unless B publishes it (peer discovery).
  const loopback = { PEER_HOST: '127.0.0.1' };
  const discovery = local.peerDiscovery;
  const launcher = new LocalComputeLauncher({
    baseEnv: { ...options.env, [WORKER_THREADS_VARIABLE]: localTaskThreads(), ...local.taskEnv },
    containerEnv: {
      // The dealer's own key file; the servers' public keys it seals to are MPC_SERVER_KEYS of the base env.
      dealer: { ...domainCredentials('dealer'), MPC_DEALER_KEY_FILE: options.dealerKey.keyFilePath },
      serverA: { ...(discovery ? {} : loopback), ...serverEnv('A') },
      serverB: {
        ...loopback,
        ...(discovery ? { ECS_CONTAINER_METADATA_URI_V4: discovery.metadataUri } : {}),
        ...serverEnv('B'),
      },
    },
    ...(local.taskLog ? { log: local.taskLog } : {}),
    // The image's bundles start in a fraction of tsx's time; a profiled run keeps tsx's readable names.
    ...(local.taskNodeArgs ? { nodeArgs: local.taskNodeArgs } : { bundled: true }),
  });
  const stepHandlers = Object.fromEntries(
    Object.entries(workflowStepHandlers).map(([step, load]) => [
      step,
      async (): Promise<WorkflowStepHandler> => {
        const handler = await load();
        const inSystem: WorkflowStepHandler = (payload) => options.inSystem(() => handler(payload));
        return step === 'CheckJob' ? promptCheckJob(inSystem, launcher) : inSystem;
      },
    ]),
  );
  const runner = new LocalWorkflowRunner({
    stepHandlers,
    launcher,
    // A shard's poll loop has the same budget as the job's, so it waits as long.
    waitOverridesMs: {
      WaitBeforeCheck: LOCAL_POLL_STATE_MS,
      WaitBeforeShardCheck: LOCAL_POLL_STATE_MS,
      ...local.waitOverridesMs,
    },
    ...(options.log ? { log: options.log } : {}),
  });
  const events = new RecordingEventPublisher(options.log);
  const wiring: LocalWiring = {
    adapters: {
      workflow: runner,
      computeTasks: launcher,
      peerEndpoints: discovery
        ? { forJob: async () => ({ host: PEER_HOST_PUBLISHED_BY_B, port: (await launcher.forJob()).port }) }
        : launcher,
      events,
      notifier: new HttpWebhookNotifier({
        maxAttempts: 4,
        firstBackoffMs: 200,
        timeoutMs: 5_000,
        ...local.webhook,
      }),
    },
    workflowSettings: { ...LOCAL_WORKFLOW_DEFAULTS, ...shardingFromEnvironment(), ...local.settings },
  };
  return {
    runner,
    launcher,
    events,
    wiring,
    async stop() {
      runner.close();
      await launcher.stopAll();
    },
  };
}
