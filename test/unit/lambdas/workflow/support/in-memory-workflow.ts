import type { Participant } from '../../../../../lambdas/domain/participation.ts';
import type { WebhookMessage, WebhookNotifier } from '../../../../../lambdas/ports/webhook-notifier.ts';
import type { ComputeTasks, ComputeTaskState } from '../../../../../lambdas/ports/workflow-compute-tasks.ts';
import type {
  CollaborationWorkflow,
  WorkflowExecutionInput,
} from '../../../../../lambdas/ports/collaboration-workflow.ts';
import type { WorkflowPorts } from '../../../../../lambdas/ports/workflow-ports.ts';
import type {
  AttemptRecord,
  CompletedInput,
  CountedInput,
  WebhookDelivery,
  WorkflowRepository,
} from '../../../../../lambdas/ports/workflow-repository.ts';
import { workflowHooks } from '../../../../../lambdas/use-cases/workflow/workflow-hooks.ts';
import { RecordingEventPublisher } from '../../../../../local/workflow/recording-event-publisher.ts';
import { InMemoryJobStatusStore } from '../../../../../contract/job/in-memory-job-status-store.ts';
import { InMemoryObjectStore } from '../../../../../contract/storage/in-memory-object-store.ts';
import { DEFAULT_ROWS_PER_SHARD } from '../../../../../contract/job/shard-plan.ts';
import { inMemoryPorts } from '../../support/in-memory-ports.ts';

/** A Step Functions stand-in that remembers executions and which tokens were sent, once each. */
export class FakeWorkflow implements CollaborationWorkflow {
  readonly started: WorkflowExecutionInput[] = [];
  readonly released: { taskToken: string; output: Record<string, unknown> }[] = [];
  private readonly used = new Set<string>();
  private failingSends = 0;

  /** The next `count` SendTaskSuccess calls fail as a network error would (the token stays unused). */
  failNextSends(count: number): void {
    this.failingSends = count;
  }

  async start(input: WorkflowExecutionInput): Promise<'started' | 'already-started'> {
    if (this.started.some((known) => known.collaborationId === input.collaborationId))
      return 'already-started';
    this.started.push(input);
    return 'started';
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
    if (this.failingSends > 0) {
      this.failingSends--;
      throw new Error('SendTaskSuccess unavailable');
    }
    if (this.used.has(taskToken)) return false;
    this.used.add(taskToken);
    this.released.push({ taskToken, output });
    return true;
  }
}

export class FakeComputeTasks implements ComputeTasks {
  readonly running = new Map<string, boolean>();
  readonly stopRequests: string[][] = [];

  async describe(taskArns: readonly string[]): Promise<ComputeTaskState[]> {
    return taskArns.map((taskArn) =>
      this.running.get(taskArn)
        ? { taskArn, running: true }
        : { taskArn, running: false, stoppedReason: 'exit code 137' },
    );
  }

  async stop(taskArns: readonly string[]): Promise<void> {
    this.stopRequests.push([...taskArns]);
    for (const arn of taskArns) this.running.set(arn, false);
  }
}

export class FakeNotifier implements WebhookNotifier {
  readonly sent: { url: string; secret: string; message: WebhookMessage }[] = [];
  readonly down = new Set<string>();

  async deliver(url: string, secret: string, message: WebhookMessage) {
    this.sent.push({ url, secret, message });
    return this.down.has(url)
      ? { delivered: false, attempts: 3, lastError: 'TypeError: ECONNREFUSED' }
      : { delivered: true, attempts: 1 };
  }
}

/**
 * The coordinator's in-memory ports (same conditions as DynamoDB) with the workflow hooks wired in, plus
 * in-memory workflow ports over the same collaborations: the API use cases and the workflow steps meet on
 * one state, as they do on the table.
 */
export function inMemoryWorkflow() {
  const base = inMemoryPorts();
  const participants = new Map<string, Participant & { webhookSecret?: string }>();
  const completed = new Map<string, CompletedInput>();
  const snapshots = new Map<string, CountedInput[]>();
  const attempts = new Map<string, AttemptRecord[]>();
  const deliveries = new Map<string, WebhookDelivery>();
  const tokens = new Map<string, string>();
  const recipientCounts = new Map<string, number>();
  const collaborationOf = (id: string) => base.collaborations.get(id);

  // Decorate the API's repositories to see who joined and which inputs completed (the table's items).
  const join = base.ports.participants.join.bind(base.ports.participants);
  base.ports.participants.join = async (participant, at) => {
    const outcome = await join(participant, at);
    if (outcome === 'joined')
      participants.set(`${participant.collaborationId}/${participant.clientId}`, participant);
    return outcome;
  };
  const finish = base.ports.participants.finish.bind(base.ports.participants);
  base.ports.participants.finish = async (collaborationId, clientId, at) => {
    const outcome = await finish(collaborationId, clientId, at);
    const participant = participants.get(`${collaborationId}/${clientId}`);
    if (outcome === 'finished' && participant) participant.finishedAt = at.toISOString();
    return outcome;
  };
  const complete = base.ports.inputs.complete.bind(base.ports.inputs);
  base.ports.inputs.complete = async (input, at) => {
    const outcome = await complete(input, at);
    if (outcome === 'completed')
      completed.set(`${input.collaborationId}/${input.inputId}`, {
        inputId: input.inputId,
        clientId: input.clientId,
        shareBBytes: input.shares.B.sizeBytes,
        ...(input.rowCount === undefined ? {} : { rowCount: input.rowCount }),
      });
    return outcome;
  };

  const countsOf = (id: string) => {
    const c = collaborationOf(id);
    return (
      c && {
        status: c.status,
        completedInputCount: c.completedInputCount,
        participantCount: c.participantCount,
        finishedCount: c.finishedCount,
        minParticipants: c.minParticipants,
        maxParticipants: c.maxParticipants,
        ...(recipientCounts.has(id) ? { recipientCount: recipientCounts.get(id) } : {}),
      }
    );
  };
  const workflowState: WorkflowRepository = {
    async storeTaskToken(id, wait, taskToken) {
      const counts = countsOf(id);
      if (!counts || counts.status !== (wait === 'inputs' ? 'OPEN' : 'RESULT_READY')) return undefined;
      tokens.set(`${id}/${wait}`, taskToken);
      return counts;
    },
    async readTaskToken(id, wait) {
      const counts = countsOf(id);
      const taskToken = tokens.get(`${id}/${wait}`);
      return counts && { counts, ...(taskToken ? { taskToken } : {}) };
    },
    async listParticipants(id) {
      return [...participants.values()]
        .filter((p) => p.collaborationId === id)
        .map((p) => structuredClone(p));
    },
    async listCompletedInputs(id) {
      return [...completed.entries()].filter(([key]) => key.startsWith(`${id}/`)).map(([, input]) => input);
    },
    async saveInputSnapshot(id, inputs) {
      snapshots.set(id, structuredClone(inputs));
    },
    async readInputSnapshot(id) {
      return snapshots.get(id);
    },
    async recordExclusions(id, exclusions) {
      for (const { inputId, clientId, reason } of exclusions) {
        const input = base.inputs.get(`${id}/${inputId}`);
        const participant = base.participants.get(`${id}/${clientId}`);
        if (!input || !participant || participant.inputId !== inputId)
          throw new Error(`input ${inputId} of ${clientId} is not in ${id}`);
        input.exclusionReason = reason;
        participant.exclusionReason = reason;
        const mirrored = participants.get(`${id}/${clientId}`);
        if (mirrored) mirrored.exclusionReason = reason;
      }
      const c = collaborationOf(id);
      if (c) c.excludedInputCount = new Set(exclusions.map((e) => e.inputId)).size;
    },
    async recordRecipientCount(id, recipientCount) {
      recipientCounts.set(id, recipientCount);
    },
    async saveResultJob(id, jobId) {
      const c = collaborationOf(id);
      if (c) c.resultJobId = jobId;
    },
    async recordPrivacySpent(id, spent) {
      const c = collaborationOf(id);
      if (c) c.privacySpent = spent;
    },
    async readCollaborationRecord(id) {
      const collaboration = collaborationOf(id);
      const inputSnapshot = snapshots.get(id);
      return (
        collaboration && {
          collaboration: structuredClone(collaboration),
          attempts: structuredClone(attempts.get(id) ?? []),
          ...(inputSnapshot ? { inputSnapshot: structuredClone(inputSnapshot) } : {}),
        }
      );
    },
    async appendAttempt(id, attempt) {
      const list = attempts.get(id) ?? [];
      if (list.length !== attempt.attempt - 1) throw new Error(`attempt ${attempt.attempt} is not next`);
      attempts.set(id, [...list, attempt]);
    },
    async recordAttempt(id, attempt) {
      const list = (attempts.get(id) ?? []).filter((known) => known.attempt !== attempt.attempt);
      attempts.set(
        id,
        [...list, attempt].sort((x, y) => x.attempt - y.attempt),
      );
    },
    async listAttempts(id) {
      return structuredClone(attempts.get(id) ?? []);
    },
    async recordDelivery(id, clientId, delivery) {
      deliveries.set(`${id}/${clientId}`, delivery);
    },
    async readDelivery(id, clientId) {
      return deliveries.get(`${id}/${clientId}`);
    },
  };

  const workflow = new FakeWorkflow();
  const computeTasks = new FakeComputeTasks();
  const notifier = new FakeNotifier();
  const events = new RecordingEventPublisher();
  const jobStatus = new InMemoryJobStatusStore();
  const jobStore = new InMemoryObjectStore();
  let nextJob = 0;
  const ports: WorkflowPorts = {
    collaborations: base.ports.collaborations,
    workflowState,
    workflow,
    jobStatus,
    jobStore,
    computeTasks,
    peerEndpoints: { forJob: async () => ({ host: '127.0.0.1', port: 40_000 }) },
    notifier,
    events,
    serverKeys: base.ports.computationServers,
    settings: {
      attempts: 3,
      retentionSeconds: 3600,
      firstPollWaitSeconds: 5,
      maxPollWaitSeconds: 30,
      pollsPerAttempt: 10,
      staleAfterMs: 60_000,
      rowsPerShard: DEFAULT_ROWS_PER_SHARD,
      taskNetworks: {
        dealer: { SecurityGroups: ['sg-dealer'] },
        serverB: { SecurityGroups: ['sg-b'] },
        serverA: { SecurityGroups: ['sg-a'] },
      },
    },
    now: base.ports.now,
    newId: () => `job-${++nextJob}`,
  };
  base.ports.workflow = workflowHooks(() => ports);
  return {
    ...base,
    coordinator: base.ports,
    ports,
    workflow,
    computeTasks,
    notifier,
    events,
    jobStatus,
    jobStore,
    tokens,
    deliveries,
  };
}
