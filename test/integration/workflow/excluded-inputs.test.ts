import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryJobStatusStore } from '../../../contract/job/in-memory-job-status-store.ts';
import { DynamoDbCollaborationRepository } from '../../../lambdas/adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { DynamoDbWorkflowRepository } from '../../../lambdas/adapters/dynamodb/dynamodb-workflow-repository.ts';
import { coordinator, documents } from '../../../lambdas/composition-root.ts';
import { DomainError } from '../../../lambdas/domain/errors.ts';
import type { WorkflowPorts } from '../../../lambdas/ports/workflow-ports.ts';
import { getMyParticipation } from '../../../lambdas/use-cases/get-my-participation.ts';
import { getResult } from '../../../lambdas/use-cases/get-result.ts';
import { getCollaboration } from '../../../lambdas/use-cases/get-collaboration.ts';
import { closeInputs } from '../../../lambdas/use-cases/workflow/close-inputs.ts';
import { publishResult } from '../../../lambdas/use-cases/workflow/publish-result.ts';
import { RecordingEventPublisher } from '../../../local/workflow/recording-event-publisher.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { contributeThroughApi, joinThroughApi, newCollaboration } from './support/api-steps.ts';

/** The exclusion writes on the real table (DynamoDB Local), read back through the API's use cases. */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem({ log: () => undefined });
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

describe('excluded inputs on DynamoDB Local', () => {
  it('PublishResult records each reason on the input and its participation, the count on the collaboration', async () => {
    const dynamo = system.container.get(documents);
    const jobStatus = new InMemoryJobStatusStore();
    // PublishResult and CloseInputs use only these ports.
    const ports = {
      collaborations: new DynamoDbCollaborationRepository(dynamo, system.tableName),
      workflowState: new DynamoDbWorkflowRepository(dynamo, system.tableName),
      jobStatus,
      events: new RecordingEventPublisher(),
      now: () => new Date(),
    } as unknown as WorkflowPorts;
    const api = coordinator(system.container).ports;
    const id = await newCollaboration(api, 3);
    for (const member of ['kept', 'bad', 'idle']) await joinThroughApi(api, id, member);
    await (
      await contributeThroughApi(api, id, 'kept')
    )();
    await (
      await contributeThroughApi(api, id, 'bad')
    )();
    await closeInputs(ports, { collaborationId: id });
    const badInput = (await getMyParticipation(api, { callerId: 'bad', collaborationId: id })).inputId!;

    const jobId = 'job-excluding';
    const excludedInputs = [{ inputId: badInput, reason: 'share does not open' }];
    await jobStatus.report(jobId, 'DEALER', { state: 'DONE' });
    for (const party of ['A', 'B'] as const)
      await jobStatus.report(jobId, party, { state: 'DONE', excludedInputs });
    const job = { jobId, attempt: 1 } as Parameters<typeof publishResult>[1]['job'];
    expect(await publishResult(ports, { collaborationId: id, job })).toMatchObject({ excludedInputs: 1 });
    // A retried step writes the same.
    await publishResult(ports, { collaborationId: id, job });

    expect(await getCollaboration(api, { collaborationId: id })).toMatchObject({
      status: 'RESULT_READY',
      excludedInputCount: 1,
      completedInputCount: 2,
    });
    expect(await getMyParticipation(api, { callerId: 'bad', collaborationId: id })).toMatchObject({
      exclusionReason: 'share does not open',
      inputStatus: 'COMPLETE',
    });
    expect(
      (await getMyParticipation(api, { callerId: 'kept', collaborationId: id })).exclusionReason,
    ).toBeUndefined();
    expect((await api.inputs.get(id, badInput))?.exclusionReason).toBe('share does not open');

    expect((await getResult(api, { callerId: 'kept', collaborationId: id })).kind).toBe('ready');
    for (const callerId of ['bad', 'idle'])
      await expect(getResult(api, { callerId, collaborationId: id })).rejects.toSatisfy(
        (error) => error instanceof DomainError && error.kind === 'forbidden',
      );
  });
});
