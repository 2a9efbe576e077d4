import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCollaborationRepository } from '../../../lambdas/adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { DynamoDbWorkflowRepository } from '../../../lambdas/adapters/dynamodb/dynamodb-workflow-repository.ts';
import { coordinator, documents } from '../../../lambdas/composition-root.ts';
import type { CoordinatorPorts } from '../../../lambdas/ports/coordinator-ports.ts';
import type { WorkflowPorts } from '../../../lambdas/ports/workflow-ports.ts';
import { cancelCollaboration } from '../../../lambdas/use-cases/cancel-collaboration.ts';
import { storeInputToken } from '../../../lambdas/use-cases/workflow/store-input-token.ts';
import { workflowHooks } from '../../../lambdas/use-cases/workflow/workflow-hooks.ts';
import { RecordingEventPublisher } from '../../../local/workflow/recording-event-publisher.ts';
import { InMemoryJobStatusStore } from '../../../contract/job/in-memory-job-status-store.ts';
import { InMemoryObjectStore } from '../../../contract/storage/in-memory-object-store.ts';
import { DEFAULT_ROWS_PER_SHARD } from '../../../contract/job/shard-plan.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { whereEndpointHas } from '../../support/endpoint-capabilities.ts';
import {
  FakeComputeTasks,
  FakeNotifier,
  FakeWorkflow,
} from '../../unit/lambdas/workflow/support/in-memory-workflow.ts';
import { contributeThroughApi, joinThroughApi, newCollaboration } from './support/api-steps.ts';

/** The workflow's state on the real table (DynamoDB Local), meeting the API's own DynamoDB writes. */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem({ log: () => undefined });
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

function wiring() {
  const dynamo = system.container.get(documents);
  const workflow = new FakeWorkflow();
  const ports: WorkflowPorts = {
    collaborations: new DynamoDbCollaborationRepository(dynamo, system.tableName),
    workflowState: new DynamoDbWorkflowRepository(dynamo, system.tableName),
    workflow,
    jobStatus: new InMemoryJobStatusStore(),
    jobStore: new InMemoryObjectStore(),
    computeTasks: new FakeComputeTasks(),
    peerEndpoints: { forJob: async () => ({ host: '127.0.0.1', port: 1 }) },
    notifier: new FakeNotifier(),
    events: new RecordingEventPublisher(),
    serverKeys: coordinator(system.container).ports.computationServers,
    settings: {
      attempts: 3,
      retentionSeconds: 60,
      firstPollWaitSeconds: 1,
      maxPollWaitSeconds: 2,
      pollsPerAttempt: 5,
      staleAfterMs: 60_000,
      rowsPerShard: DEFAULT_ROWS_PER_SHARD,
      taskNetworks: { dealer: {}, serverB: {}, serverA: {} },
    },
    now: () => new Date(),
    newId: () => randomBytes(8).toString('hex'),
  };
  const api: CoordinatorPorts = {
    ...coordinator(system.container).ports,
    workflow: workflowHooks(() => ports),
  };
  return { ports, api, workflow };
}

/** The race needs each complete's transaction to see the writes of those before it. */
const isolated = whereEndpointHas('dynamodb-transaction-isolation');

describe('DynamoDbWorkflowRepository on DynamoDB Local', () => {
  isolated.it(
    'releases the quorum once whatever the interleaving of concurrent completes and the token store',
    async () => {
      for (let round = 0; round < 4; round++) {
        const { ports, api, workflow } = wiring();
        const id = await newCollaboration(api, 4);
        const members = ['m-1', 'm-2', 'm-3', 'm-4'];
        for (const member of members) await joinThroughApi(api, id, member);
        const completes = await Promise.all(members.map((member) => contributeThroughApi(api, id, member)));
        const token = `token-${round}`;
        await Promise.all([
          ...completes.map((complete) => complete()),
          new Promise((resolve) => setTimeout(resolve, round * 15)).then(() =>
            storeInputToken(ports, { collaborationId: id, taskToken: token }),
          ),
        ]);
        expect(workflow.released.map((release) => release.taskToken)).toEqual([token]);
        expect(workflow.released[0]?.output).toMatchObject({ completedInputCount: 4, maxParticipants: 4 });
      }
    },
    60_000,
  );

  it('appends the first attempt to a collaboration without any, and reads no record of an unknown one', async () => {
    const { ports, api } = wiring();
    const id = await newCollaboration(api, 2);
    await expect(
      ports.workflowState.appendAttempt(id, { attempt: 2, jobId: 'j2', startedAt: 't0' }),
    ).rejects.toThrow();
    await ports.workflowState.appendAttempt(id, { attempt: 1, jobId: 'j1', startedAt: 't0' });
    expect(await ports.workflowState.readCollaborationRecord(id)).toMatchObject({
      collaboration: { collaborationId: id, status: 'OPEN' },
      attempts: [{ attempt: 1, jobId: 'j1', startedAt: 't0' }],
    });
    expect(await ports.workflowState.readCollaborationRecord('no-such-collaboration')).toBeUndefined();
  });

  it('releases the input wait on a cancel whichever of the token store and the cancel comes first', async () => {
    for (const tokenFirst of [true, false]) {
      const { ports, api, workflow } = wiring();
      const id = await newCollaboration(api, 2);
      const token = `cancel-${String(tokenFirst)}`;
      if (tokenFirst) await storeInputToken(ports, { collaborationId: id, taskToken: token });
      expect((await cancelCollaboration(api, { callerId: 'owner', collaborationId: id })).status).toBe(
        'CANCELLED',
      );
      if (!tokenFirst)
        expect(await storeInputToken(ports, { collaborationId: id, taskToken: token })).toEqual({
          stored: false,
          released: true,
        });
      expect(workflow.released).toEqual([
        { taskToken: token, output: expect.objectContaining({ status: 'CANCELLED' }) },
      ]);
      // A retried cancel sends the release again; the used token is ignored.
      await cancelCollaboration(api, { callerId: 'owner', collaborationId: id });
      expect(workflow.released).toHaveLength(1);
    }
  });

  it('keeps snapshots, attempts, the result job and deliveries on the items', async () => {
    const { ports, api } = wiring();
    const id = await newCollaboration(api, 2);
    await joinThroughApi(api, id, 'p-1');
    await (
      await contributeThroughApi(api, id, 'p-1', 7)
    )();
    const [completed] = await ports.workflowState.listCompletedInputs(id);
    expect(completed).toMatchObject({ clientId: 'p-1', rowCount: 7 });
    await ports.workflowState.saveInputSnapshot(id, [
      { inputId: completed!.inputId, clientId: 'p-1', rowCount: 7 },
    ]);
    expect(await ports.workflowState.readInputSnapshot(id)).toEqual([
      { inputId: completed!.inputId, clientId: 'p-1', rowCount: 7 },
    ]);
    await ports.workflowState.recordAttempt(id, { attempt: 1, jobId: 'j1', startedAt: 't0' });
    await ports.workflowState.recordAttempt(id, {
      attempt: 1,
      jobId: 'j1',
      startedAt: 't0',
      failedAt: 't1',
      reason: 'PEER_LOST: x',
    });
    await ports.workflowState.recordAttempt(id, { attempt: 2, jobId: 'j2', startedAt: 't2' });
    expect(await ports.workflowState.listAttempts(id)).toEqual([
      { attempt: 1, jobId: 'j1', startedAt: 't0', failedAt: 't1', reason: 'PEER_LOST: x' },
      { attempt: 2, jobId: 'j2', startedAt: 't2' },
    ]);
    const record = await ports.workflowState.readCollaborationRecord(id);
    expect(record).toEqual({
      collaboration: await ports.collaborations.get(id),
      inputSnapshot: [{ inputId: completed!.inputId, clientId: 'p-1', rowCount: 7 }],
      attempts: await ports.workflowState.listAttempts(id),
    });
    // A new attempt is appended in one write, only as the next number.
    await ports.workflowState.appendAttempt(id, { attempt: 3, jobId: 'j3', startedAt: 't4' });
    await expect(
      ports.workflowState.appendAttempt(id, { attempt: 3, jobId: 'j3b', startedAt: 't5' }),
    ).rejects.toThrow();
    await expect(
      ports.workflowState.appendAttempt(id, { attempt: 5, jobId: 'j5', startedAt: 't5' }),
    ).rejects.toThrow();
    expect((await ports.workflowState.listAttempts(id)).map((attempt) => attempt.jobId)).toEqual([
      'j1',
      'j2',
      'j3',
    ]);
    await ports.workflowState.saveResultJob(id, 'j2');
    expect((await ports.collaborations.get(id))?.resultJobId).toBe('j2');
    const delivery = {
      messageId: 'msg_1',
      event: 'collaboration.result_ready',
      attempts: 2,
      delivered: false,
      lastAttemptAt: 't3',
      lastError: 'HTTP 503',
    };
    await ports.workflowState.recordDelivery(id, 'p-1', delivery);
    expect(await ports.workflowState.readDelivery(id, 'p-1')).toEqual(delivery);
    // The API shows it on the participation (GET participants/me).
    expect((await api.participants.get(id, 'p-1'))?.webhookDelivery).toEqual(delivery);
    const [participant] = await ports.workflowState.listParticipants(id);
    expect(participant?.webhookSecret).toMatch(/^whsec_/);
    // The same mapping as the API's participant reads (participant-item.ts).
    expect(participant).toEqual(await api.participants.get(id, 'p-1'));
  });
});
