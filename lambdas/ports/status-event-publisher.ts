import type { CollaborationStatus } from '../../contract/collaboration-status.ts';

/** One collaboration status change, published as an EventBridge event (detail-type `Collaboration Status Changed`). */
export interface StatusChangeEvent {
  collaborationId: string;
  status: CollaborationStatus;
  reason?: string;
  at: string;
}

export interface StatusEventPublisher {
  publish(event: StatusChangeEvent): Promise<void>;
}
