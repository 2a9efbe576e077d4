import type {
  AnalysisKind,
  AnalysisSpec,
  ComputationSpec,
  FieldSpec,
  PrivacySpec,
} from '../../contract/analysis/analysis-spec.ts';
import type { CollaborationStatus } from '../../contract/collaboration-status.ts';
import { validationError, type RuleViolation } from './errors.ts';
import { specViolations, type SpecPaths } from '../../contract/analysis/spec-rules.ts';
import { MAX_PARTICIPANTS } from '../../contract/collaboration-limits.ts';

/** Where a draft carries its computation spec, for the paths of the spec rules' violations. */
export const DRAFT_SPEC_PATHS: SpecPaths = { fields: '/inputSchema/fields', analyses: '/analyses' };
/** How far ahead an input deadline may be set. */
export const MAX_DEADLINE_AHEAD_MS = 366 * 24 * 3600 * 1000;
/** Collaboration items are kept this long after the input deadline, then expire (DynamoDB TTL). */
export const RETENTION_AFTER_DEADLINE_MS = 180 * 24 * 3600 * 1000;

export type ResultRecipients = 'all-participants' | string[];

/** What a client declares when creating a collaboration (already shape-checked against the spec). */
export interface CollaborationDraft {
  name: string;
  description?: string;
  analyses: AnalysisSpec[];
  inputSchema: { fields: FieldSpec[] };
  minParticipants: number;
  maxParticipants: number;
  inputDeadline: string;
  resultRecipients: ResultRecipients;
  /** The invite list: when given, only these clients may join. */
  participants?: string[];
  /** Minimum cell size k of histogram bins. */
  minCellSize?: number;
  /** Differential-privacy budget of the result. */
  privacy?: PrivacySpec;
  /** The most rows one participant's input may hold (absent: the system's MAX_INPUT_ROWS). */
  maxRowsPerParticipant?: number;
}

/** A created collaboration: the declaration it was made from, with its identity and lifecycle. */
export interface Collaboration extends Omit<CollaborationDraft, 'description'> {
  collaborationId: string;
  description: string;
  ownerId: string;
  /** ISO 8601 UTC, normalised with toISOString so that string order is time order. */
  inputDeadline: string;
  status: CollaborationStatus;
  statusReason?: string;
  participantCount: number;
  completedInputCount: number;
  finishedCount: number;
  createdAt: string;
  updatedAt: string;
  /** The job (computation attempt) whose result shares were published; set by the workflow. */
  resultJobId?: string;
  /** How many counted inputs the servers excluded as bad (set by the workflow with the result). */
  excludedInputCount?: number;
  /** The privacy budget the released result spent (set by the workflow when it publishes the result). */
  privacySpent?: PrivacySpent;
}

export interface PrivacySpent {
  epsilon: number;
  delta: number;
  jobId: string;
}

/** Validates the whole declaration (rules the schema cannot express) and builds the new collaboration. */
export function newCollaboration(
  draft: CollaborationDraft,
  ids: { collaborationId: string; ownerId: string },
  now: Date,
): Collaboration {
  const violations = draftViolations(draft, now);
  if (violations.length > 0) throw validationError(violations);
  const createdAt = now.toISOString();
  return {
    collaborationId: ids.collaborationId,
    name: draft.name.trim(),
    description: draft.description ?? '',
    ownerId: ids.ownerId,
    analyses: draft.analyses,
    inputSchema: draft.inputSchema,
    minParticipants: draft.minParticipants,
    maxParticipants: draft.maxParticipants,
    inputDeadline: new Date(draft.inputDeadline).toISOString(),
    resultRecipients: draft.resultRecipients,
    ...(draft.participants === undefined ? {} : { participants: draft.participants }),
    ...(draft.minCellSize === undefined ? {} : { minCellSize: draft.minCellSize }),
    ...(draft.privacy === undefined ? {} : { privacy: draft.privacy }),
    ...(draft.maxRowsPerParticipant === undefined
      ? {}
      : { maxRowsPerParticipant: draft.maxRowsPerParticipant }),
    status: 'OPEN',
    participantCount: 0,
    completedInputCount: 0,
    finishedCount: 0,
    createdAt,
    updatedAt: createdAt,
  };
}

export function draftViolations(draft: CollaborationDraft, now: Date): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (draft.name.trim().length === 0) violations.push({ path: '/name', message: 'must not be blank' });
  violations.push(...participantLimitViolations(draft.minParticipants, draft.maxParticipants));
  violations.push(...deadlineViolations(draft.inputDeadline, now));
  violations.push(...specViolations(computationSpecOf(draft), DRAFT_SPEC_PATHS));
  violations.push(...recipientViolations(draft.resultRecipients, draft.maxParticipants));
  violations.push(...inviteViolations(draft));
  return violations;
}

/** The part of a draft the computation servers compute. */
export function computationSpecOf(
  draft: Pick<
    CollaborationDraft,
    'analyses' | 'inputSchema' | 'minCellSize' | 'privacy' | 'maxRowsPerParticipant'
  >,
): ComputationSpec {
  return {
    fields: draft.inputSchema.fields,
    analyses: draft.analyses,
    ...(draft.minCellSize === undefined ? {} : { minCellSize: draft.minCellSize }),
    ...(draft.privacy === undefined ? {} : { privacy: draft.privacy }),
    ...(draft.maxRowsPerParticipant === undefined
      ? {}
      : { maxRowsPerParticipant: draft.maxRowsPerParticipant }),
  };
}

function participantLimitViolations(min: number, max: number): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const [path, value] of [
    ['/minParticipants', min],
    ['/maxParticipants', max],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_PARTICIPANTS)
      violations.push({ path, message: `must be an integer 1..${MAX_PARTICIPANTS}` });
  }
  if (min > max) violations.push({ path: '/minParticipants', message: 'must not exceed maxParticipants' });
  return violations;
}

function deadlineViolations(deadline: string, now: Date): RuleViolation[] {
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return [{ path: '/inputDeadline', message: 'must be a date-time' }];
  if (at <= now.getTime()) return [{ path: '/inputDeadline', message: 'must be in the future' }];
  if (at - now.getTime() > MAX_DEADLINE_AHEAD_MS)
    return [{ path: '/inputDeadline', message: 'must be at most a year ahead' }];
  return [];
}

function recipientViolations(recipients: ResultRecipients, maxParticipants: number): RuleViolation[] {
  if (recipients === 'all-participants') return [];
  const violations: RuleViolation[] = [];
  if (recipients.length === 0) violations.push({ path: '/resultRecipients', message: 'must not be empty' });
  if (new Set(recipients).size !== recipients.length)
    violations.push({ path: '/resultRecipients', message: 'must not repeat a client id' });
  if (recipients.length > maxParticipants)
    violations.push({
      path: '/resultRecipients',
      message: 'cannot name more recipients than maxParticipants',
    });
  return violations;
}

/** An invite list names distinct clients, enough to reach the minimum, and every listed result recipient. */
function inviteViolations(draft: CollaborationDraft): RuleViolation[] {
  const invited = draft.participants;
  if (invited === undefined) return [];
  const violations: RuleViolation[] = [];
  if (new Set(invited).size !== invited.length)
    violations.push({ path: '/participants', message: 'must not repeat a client id' });
  if (invited.length < draft.minParticipants)
    violations.push({ path: '/participants', message: 'must invite at least minParticipants clients' });
  if (draft.resultRecipients !== 'all-participants') {
    const uninvited = draft.resultRecipients.filter((recipient) => !invited.includes(recipient));
    if (uninvited.length > 0)
      violations.push({
        path: '/resultRecipients',
        message: `must be invited (recipients join to receive the result): ${uninvited.join(', ')}`,
      });
  }
  return violations;
}

export function analysisKindsOf(collaboration: Pick<Collaboration, 'analyses'>): AnalysisKind[] {
  return [...new Set(collaboration.analyses.map((analysis) => analysis.kind))];
}

/** Whether inputs and joins are still accepted at `now`. */
export function acceptsInputs(collaboration: Collaboration, now: Date): boolean {
  return collaboration.status === 'OPEN' && now.toISOString() < collaboration.inputDeadline;
}

/** Without an invite list anyone may join; with one, only the clients it names. */
export function mayJoin(collaboration: Pick<Collaboration, 'participants'>, clientId: string): boolean {
  return collaboration.participants === undefined || collaboration.participants.includes(clientId);
}

/** What decides whether a participant receives the result: whether its input counted and was kept. */
export interface RecipientCandidate {
  clientId: string;
  /** The participant's input was counted (completed before the inputs closed). */
  inputCounted: boolean;
  /** The servers excluded the participant's input as bad. */
  inputExcluded: boolean;
}

/**
 * Who receives the result: with `all-participants`, every participant whose input was counted and not
 * excluded; with a list, the listed clients (who must have joined: their key seals the result). An excluded
 * input's owner never receives it.
 */
export function isResultRecipient(
  collaboration: Pick<Collaboration, 'resultRecipients'>,
  candidate: RecipientCandidate,
): boolean {
  if (candidate.inputExcluded) return false;
  return collaboration.resultRecipients === 'all-participants'
    ? candidate.inputCounted
    : collaboration.resultRecipients.includes(candidate.clientId);
}

/** Whether another input may still be counted (quorum and maxParticipants count counted inputs). */
export function hasFreeSlot(collaboration: Pick<Collaboration, 'completedInputCount' | 'maxParticipants'>) {
  return collaboration.completedInputCount < collaboration.maxParticipants;
}

export function expiryOf(collaboration: Pick<Collaboration, 'inputDeadline'>): Date {
  return new Date(Date.parse(collaboration.inputDeadline) + RETENTION_AFTER_DEADLINE_MS);
}
