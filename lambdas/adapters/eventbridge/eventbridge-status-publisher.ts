import type { StatusChangeEvent, StatusEventPublisher } from '../../ports/status-event-publisher.ts';
import type { AwsJsonRequests } from '../aws-json-requests.ts';

export const STATUS_EVENT_SOURCE = 'mpc.coordinator';
export const STATUS_EVENT_DETAIL_TYPE = 'Collaboration Status Changed';

interface PutEventsAnswer {
  FailedEntryCount?: number;
  Entries?: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
}

/** One event per status change on the coordinator's bus; `events` calls EventBridge (AwsJsonRequests with EVENTBRIDGE). */
export class EventBridgeStatusPublisher implements StatusEventPublisher {
  constructor(
    private readonly events: AwsJsonRequests,
    private readonly busName: string,
  ) {}

  async publish(event: StatusChangeEvent): Promise<void> {
    const answer = await this.events.call<PutEventsAnswer>('PutEvents', {
      Entries: [
        {
          // The JSON protocol's timestamps are epoch seconds.
          Time: Date.parse(event.at) / 1000,
          Source: STATUS_EVENT_SOURCE,
          DetailType: STATUS_EVENT_DETAIL_TYPE,
          Detail: JSON.stringify(event),
          EventBusName: this.busName,
        },
      ],
    });
    if ((answer.FailedEntryCount ?? 0) > 0)
      throw new Error(
        `EventBridge refused the status event: ${answer.Entries?.[0]?.ErrorMessage ?? 'unknown'}`,
      );
  }
}
