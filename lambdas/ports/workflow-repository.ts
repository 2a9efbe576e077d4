import type { Collaboration, PrivacySpent } from '../domain/collaboration.ts';
import type { CollaborationStatus } from '../../contract/collaboration-status.ts';
import type { Participant, WebhookDelivery } from '../domain/participation.ts';

/** The two callback waits of the definition. */
export type WaitKind = 'inputs' | 'finish';

/** The counters a quorum decision needs, read in the same write or read as the token. */
export interface QuorumCounts {
  status: CollaborationStatus;
  completedInputCount: number;
  participantCount: number;
  finishedCount: number;
  minParticipants: number;
  maxParticipants: number;
  /** Who must finish before clean-up once the result is published: its recipients (set by PublishResult). */
  recipientCount?: number;
}

/** A completed input as stored: the declared row count (when the client gave one) and the share sizes. */
export interface CompletedInput {
  inputId: string;
  clientId: string;
  rowCount?: number;
  shareBBytes: number;
}

/** A completed input as the computation needs it. */
export interface CountedInput {
  inputId: string;
  clientId: string;
  rowCount: number;
}

/** A counted input the servers left out, with its owner and the servers' reason. */
export interface InputExclusion {
  inputId: string;
  clientId: string;
  reason: string;
}

/** One computation attempt as recorded on the collaboration. */
export interface AttemptRecord {
  attempt: number;
  jobId: string;
  startedAt: string;
  /** K when the attempt ran as K > 1 shards (absent: one job). */
  shards?: number;
  failedAt?: string;
  reason?: string;
}

/** The collaboration and the workflow's state on its item, as one read gives them. */
export interface CollaborationRecord {
  collaboration: Collaboration;
  inputSnapshot?: CountedInput[];
  attempts: AttemptRecord[];
}

export type { WebhookDelivery };

/** A participant with the secret its webhooks are signed with (never shown after the join answer). */
export type NotifiableParticipant = Participant & { webhookSecret?: string };

/** Workflow state kept on the collaboration's items, beside what the coordinator API keeps there. */
export interface WorkflowRepository {
  /**
   * Stores a callback token on the collaboration in a conditional write that also returns the counters; the
   * other writer (register input, finish) reads the token after its own count write: whichever comes second
   * sees both and releases the wait.
   */
  storeTaskToken(
    collaborationId: string,
    wait: WaitKind,
    taskToken: string,
  ): Promise<QuorumCounts | undefined>;
  /** A strongly consistent read of the stored token and counters. */
  readTaskToken(
    collaborationId: string,
    wait: WaitKind,
  ): Promise<{ taskToken?: string; counts: QuorumCounts } | undefined>;
  listParticipants(collaborationId: string): Promise<NotifiableParticipant[]>;
  listCompletedInputs(collaborationId: string): Promise<CompletedInput[]>;
  saveInputSnapshot(collaborationId: string, inputs: CountedInput[]): Promise<void>;
  readInputSnapshot(collaborationId: string): Promise<CountedInput[] | undefined>;
  /**
   * Records each exclusion's reason on the input and on its owner's participation, and how many inputs were
   * excluded on the collaboration. Idempotent: a step run twice writes the same.
   */
  recordExclusions(collaborationId: string, exclusions: InputExclusion[]): Promise<void>;
  /** How many participants receive the published result: the finish wait waits for them only. */
  recordRecipientCount(collaborationId: string, recipientCount: number): Promise<void>;
  /** The job whose result shares GET result hands out (its id is in the shares' AAD). */
  saveResultJob(collaborationId: string, jobId: string): Promise<void>;
  /** The privacy budget the published result spent (only ever for a released result, never a failed job). */
  recordPrivacySpent(collaborationId: string, spent: PrivacySpent): Promise<void>;
  /** One strongly consistent read of the collaboration item: the collaboration, input snapshot and attempts. */
  readCollaborationRecord(collaborationId: string): Promise<CollaborationRecord | undefined>;
  /**
   * Adds the record of a new attempt in one write, without reading: only while `attempt.attempt - 1` attempts
   * are recorded (else it throws), so a step run twice cannot number two attempts alike.
   */
  appendAttempt(collaborationId: string, attempt: AttemptRecord): Promise<void>;
  /** Appends or updates (same attempt number) an attempt record. */
  recordAttempt(collaborationId: string, attempt: AttemptRecord): Promise<void>;
  listAttempts(collaborationId: string): Promise<AttemptRecord[]>;
  recordDelivery(collaborationId: string, clientId: string, delivery: WebhookDelivery): Promise<void>;
  readDelivery(collaborationId: string, clientId: string): Promise<WebhookDelivery | undefined>;
}
