import type { Collaboration } from '../domain/collaboration.ts';

/**
 * What the coordinator API tells the workflow. Each call is safe to repeat: starting is keyed by the
 * collaboration id, releasing a wait twice is harmless.
 */
export interface WorkflowHooks {
  collaborationCreated(collaboration: Collaboration): Promise<void>;
  /** After an input was counted: releases the input wait once the quorum is met. */
  inputCompleted(collaborationId: string): Promise<void>;
  /** After a participant finished: releases the finish wait once everybody has. */
  participantFinished(collaborationId: string): Promise<void>;
  /**
   * After the owner cancelled, and again on a retried cancel: releases the input wait, so the execution sees
   * the status and winds the collaboration up (event, shares deleted, participants told).
   */
  collaborationCancelled(collaborationId: string): Promise<void>;
}
