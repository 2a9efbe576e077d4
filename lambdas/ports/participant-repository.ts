import type { Participant } from '../domain/participation.ts';

/** Why a conditional write did not happen; the use case re-reads to tell the caller exactly why. */
export type JoinOutcome = 'joined' | 'already-joined' | 'collaboration-refused';
export type FinishOutcome = 'finished' | 'already-finished' | 'refused';

export interface ParticipantRepository {
  get(collaborationId: string, clientId: string): Promise<Participant | undefined>;
  /**
   * Adds the participant and increments the collaboration's participant count in one transaction, only while
   * the collaboration is OPEN and before its deadline (`at`). A join takes no slot: inputs count, not joins.
   */
  join(participant: Participant, at: Date): Promise<JoinOutcome>;
  /** Records `finishedAt` once and counts it on the collaboration, in one transaction. */
  finish(collaborationId: string, clientId: string, at: Date): Promise<FinishOutcome>;
}
