import type { AnalysisKind } from '../../contract/analysis/analysis-spec.ts';
import type { Collaboration } from '../domain/collaboration.ts';
import type { CollaborationStatus } from '../../contract/collaboration-status.ts';

export interface CollaborationQuery {
  /** Without role: discovery by status. With role: the caller's own (created or joined). */
  role?: { kind: 'owner' | 'participant'; clientId: string };
  status?: CollaborationStatus;
  analysis?: AnalysisKind;
  limit: number;
  /** Opaque; an adapter rejects a token it did not issue with a validation DomainError. */
  nextToken?: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface CollaborationRepository {
  create(collaboration: Collaboration): Promise<void>;
  get(collaborationId: string): Promise<Collaboration | undefined>;
  list(query: CollaborationQuery): Promise<Page<Collaboration>>;
  /**
   * Conditional status change: applies only while the status is still `from`. Returns the collaboration after
   * the change, or undefined when it was not in `from` (or does not exist).
   */
  transition(
    collaborationId: string,
    from: CollaborationStatus,
    to: CollaborationStatus,
    at: Date,
    reason?: string,
  ): Promise<Collaboration | undefined>;
}
