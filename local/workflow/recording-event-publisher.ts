import type { StatusChangeEvent, StatusEventPublisher } from '../../lambdas/ports/status-event-publisher.ts';

/** The local stand-in for the EventBridge bus: keeps every status event (tests and the bench read them). */
export class RecordingEventPublisher implements StatusEventPublisher {
  readonly events: StatusChangeEvent[] = [];

  constructor(private readonly log?: (message: string) => void) {}

  async publish(event: StatusChangeEvent): Promise<void> {
    this.events.push(event);
    this.log?.(`event ${event.collaborationId} ${event.status}${event.reason ? `: ${event.reason}` : ''}`);
  }

  of(collaborationId: string): StatusChangeEvent[] {
    return this.events.filter((event) => event.collaborationId === collaborationId);
  }
}
