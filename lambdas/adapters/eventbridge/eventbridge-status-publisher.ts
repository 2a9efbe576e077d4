import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { StatusChangeEvent, StatusEventPublisher } from '../../ports/status-event-publisher.ts';

export const STATUS_EVENT_SOURCE = 'mpc.coordinator';
export const STATUS_EVENT_DETAIL_TYPE = 'Collaboration Status Changed';

/** One event per status change on the coordinator's bus. */
export class EventBridgeStatusPublisher implements StatusEventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(event: StatusChangeEvent): Promise<void> {
    const answer = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            Time: new Date(event.at),
            Source: STATUS_EVENT_SOURCE,
            DetailType: STATUS_EVENT_DETAIL_TYPE,
            Detail: JSON.stringify(event),
            EventBusName: this.busName,
          },
        ],
      }),
    );
    if ((answer.FailedEntryCount ?? 0) > 0)
      throw new Error(
        `EventBridge refused the status event: ${answer.Entries?.[0]?.ErrorMessage ?? 'unknown'}`,
      );
  }
}
