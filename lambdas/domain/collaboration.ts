import type { AnalysisKind, AnalysisSpec, FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import { analysisViolations } from './analysis-rules.ts';
import type { CollaborationStatus } from '../../contract/collaboration-status.ts';
import { validationError, type RuleViolation } from './errors.ts';
import { fieldViolations } from './input-schema-rules.ts';

export const MAX_PARTICIPANTS_LIMIT = 1000;
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
  violations.push(...fieldViolations(draft.inputSchema.fields));
  violations.push(...analysisViolations(draft.analyses, draft.inputSchema.fields));
  violations.push(...recipientViolations(draft.resultRecipients, draft.maxParticipants));
  return violations;
}

function participantLimitViolations(min: number, max: number): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const [path, value] of [
    ['/minParticipants', min],
    ['/maxParticipants', max],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_PARTICIPANTS_LIMIT)
      violations.push({ path, message: `must be an integer 1..${MAX_PARTICIPANTS_LIMIT}` });
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

export function analysisKindsOf(collaboration: Pick<Collaboration, 'analyses'>): AnalysisKind[] {
  return [...new Set(collaboration.analyses.map((analysis) => analysis.kind))];
}

/** Whether inputs and joins are still accepted at `now`. */
export function acceptsInputs(collaboration: Collaboration, now: Date): boolean {
  return collaboration.status === 'OPEN' && now.toISOString() < collaboration.inputDeadline;
}

/** Who receives the result: every participant, or the listed clients (who must also have joined). */
export function isResultRecipient(collaboration: Collaboration, clientId: string): boolean {
  return (
    collaboration.resultRecipients === 'all-participants' || collaboration.resultRecipients.includes(clientId)
  );
}

export function expiryOf(collaboration: Pick<Collaboration, 'inputDeadline'>): Date {
  return new Date(Date.parse(collaboration.inputDeadline) + RETENTION_AFTER_DEADLINE_MS);
}
