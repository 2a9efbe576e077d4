import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateCollaborationRequest } from '../../client/sdk/api-models.ts';
import { fetchResult } from '../../client/sdk/fetch-result.ts';
import { workflowPorts } from '../../lambdas/handlers/workflow/workflow-composition-root.ts';
import { PEER_HOST_PUBLISHED_BY_B } from '../../contract/job/peer-endpoint.ts';
import { parseJobDescription } from '../../contract/job/job-description.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import {
  createCollaboration,
  eventually,
  joinAs,
  startE2eSystem,
  upload,
  type E2eSystem,
} from '../../local/harness/whole-system.ts';

/**
 * The Fargate way of finding B: the job description names no host, B asks the ECS task metadata endpoint (an
 * emulation of its v4 `/task` answer) for its private IP and publishes it in the job status, A waits for it.
 */
let metadata: Server;
let e2e: E2eSystem;
beforeAll(async () => {
  metadata = createServer((request, response) => {
    if (request.url !== '/v4/task') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        Containers: [
          { Name: 'serverB', Networks: [{ NetworkMode: 'awsvpc', IPv4Addresses: ['127.0.0.1'] }] },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  const metadataUri = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v4`;
  e2e = await startE2eSystem({ peerDiscovery: { metadataUri } });
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
  await new Promise((resolve) => metadata?.close(resolve));
});

describe('peer discovery through the job status', () => {
  it('A connects to the endpoint B published from its task metadata', async () => {
    const collaborationId = await createCollaboration(e2e, {
      name: 'e2e peer discovery',
      analyses: [{ kind: 'count' }, { kind: 'sum', field: 'v' }],
      inputSchema: {
        fields: [{ name: 'v', type: 'int', min: 0, max: 100 }],
      } as CreateCollaborationRequest['inputSchema'],
      minParticipants: 2,
      maxParticipants: 2,
      deadlineInSeconds: 3600,
      resultRecipients: 'all-participants',
    });
    const members = [await joinAs(e2e, collaborationId, 'd-1'), await joinAs(e2e, collaborationId, 'd-2')];
    await upload(members[0]!, collaborationId, [[1], [2], [3]]);
    await upload(members[1]!, collaborationId, [[10], [20]]);
    await eventually(
      () => e2e.client('owner').getCollaboration(collaborationId),
      (c) => c.status === 'RESULT_READY',
      90_000,
    );
    const [attempt] = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
    const job = parseJobDescription(
      new TextDecoder().decode(
        await workflowPorts(e2e.system.container).jobStore.getObject(
          storageLayout.jobDescription(attempt!.jobId),
        ),
      ),
    );
    expect(job.peer.host).toBe(PEER_HOST_PUBLISHED_BY_B);
    expect(await workflowPorts(e2e.system.container).jobStatus.getEndpoint(attempt!.jobId, 'B')).toEqual({
      host: '127.0.0.1',
      port: job.peer.port,
    });
    const results = await fetchResult(members[0]!.client, e2e.keys, collaborationId, {
      pinnedServerKeys: e2e.pins,
    });
    expect(results.find((r) => r.kind === 'sum')?.value).toBe(36);
  }, 120_000);
});
