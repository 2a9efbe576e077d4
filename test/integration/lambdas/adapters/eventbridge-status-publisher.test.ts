import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DeleteArchiveCommand,
  DeleteEventBusCommand,
  DescribeArchiveCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventBridgeClient } from '../../../../lambdas/adapters/aws-clients.ts';
import {
  EventBridgeStatusPublisher,
  STATUS_EVENT_DETAIL_TYPE,
  STATUS_EVENT_SOURCE,
} from '../../../../lambdas/adapters/eventbridge/eventbridge-status-publisher.ts';
import type { StatusChangeEvent } from '../../../../lambdas/ports/status-event-publisher.ts';
import { whereEndpointHas } from '../../../support/endpoint-capabilities.ts';
import { endpointClientSettings, uniqueName } from './support/endpoint-clients.ts';

/**
 * EventBridgeStatusPublisher against the endpoint's EventBridge, through the SDK's wire protocol. Archives
 * on the bus count the events their pattern matches: that an event reached the bus with the source,
 * detail-type and detail a rule would match on.
 */
whereEndpointHas('eventbridge-api').describe('EventBridgeStatusPublisher on the endpoint', () => {
  let client: EventBridgeClient;
  const busName = uniqueName('mpc-contract-bus');
  let busArn: string;
  const archives: string[] = [];
  beforeAll(async () => {
    client = eventBridgeClient(endpointClientSettings());
    busArn = (await client.send(new CreateEventBusCommand({ Name: busName }))).EventBusArn!;
  });
  afterAll(async () => {
    for (const ArchiveName of archives) await client.send(new DeleteArchiveCommand({ ArchiveName }));
    await client?.send(new DeleteEventBusCommand({ Name: busName }));
    client?.destroy();
  });

  /** An archive of the bus for `pattern`; the function reads how many events it has matched. */
  async function archiveMatching(pattern: object): Promise<() => Promise<number>> {
    const ArchiveName = uniqueName('mpc-contract');
    await client.send(
      new CreateArchiveCommand({
        ArchiveName,
        EventSourceArn: busArn,
        EventPattern: JSON.stringify(pattern),
      }),
    );
    archives.push(ArchiveName);
    return async () => (await client.send(new DescribeArchiveCommand({ ArchiveName }))).EventCount ?? 0;
  }

  it('puts one status event on the bus with the source, detail-type and detail rules match', async () => {
    const publisher = new EventBridgeStatusPublisher(client, busName);
    const event: StatusChangeEvent = {
      collaborationId: uniqueName('collab'),
      status: 'COMPLETED',
      at: '2026-01-01T00:00:00.000Z',
    };
    const matching = await archiveMatching({
      source: [STATUS_EVENT_SOURCE],
      'detail-type': [STATUS_EVENT_DETAIL_TYPE],
      detail: { collaborationId: [event.collaborationId], status: ['COMPLETED'] },
    });
    const otherCollaboration = await archiveMatching({
      source: [STATUS_EVENT_SOURCE],
      detail: { collaborationId: [`${event.collaborationId}-other`] },
    });
    await publisher.publish(event);
    expect(await matching()).toBe(1);
    expect(await otherCollaboration()).toBe(0);
  });

  it('fails when the bus does not exist', async () => {
    const publisher = new EventBridgeStatusPublisher(client, `${busName}-missing`);
    await expect(
      publisher.publish({ collaborationId: 'c-1', status: 'OPEN', at: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toThrow();
  });
});
