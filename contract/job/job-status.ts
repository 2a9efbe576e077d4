/**
 * Port: the state each of server A, server B and the dealer reports for a job, and the combined view the
 * workflow polls. Adapters: `DynamoDbJobStatusStore` (coordinator table) and `InMemoryJobStatusStore`.
 *
 * Rules every adapter keeps:
 * - `report(jobId, party, state)` writes RUNNING (progress 0..1, optional `phase`: what the party is doing,
 *   e.g. "waiting for peer A on port 41234"), DONE (optional `excludedInputs`: the inputs the servers left
 *   out, each with a short reason; both servers report the same list), or FAILED (reason code, message,
 *   optional `failedInputIds`; `TOO_FEW_VALID_INPUTS` when fewer than `minParticipants` participants
 *   have a valid input). A terminal state (DONE or FAILED) is final: a later report of any state is
 *   not applied and `report` returns `{ applied: false }`. So a late RUNNING never hides a result or a
 *   failure. One job id per attempt: a retried job gets a new id.
 * - `heartbeat(jobId, party)` refreshes `heartbeatAt` of a RUNNING party only.
 * - `getJobStatus(jobId)` returns every party's latest report and the combined status
 *   (`combineJobStatus`).
 * - `publishEndpoint(jobId, party, endpoint)` / `getEndpoint(jobId, party)`: where a party listens (B on
 *   Fargate, whose address exists only once it runs; see `contract/peer-endpoint.ts`). Last write wins.
 */
import type { PeerEndpoint } from './peer-endpoint.ts';

export type StatusParty = 'A' | 'B' | 'DEALER';
export const STATUS_PARTIES: readonly StatusParty[] = ['DEALER', 'B', 'A'];

export type PartyState =
  | { state: 'RUNNING'; progress: number; phase?: string }
  | { state: 'DONE'; excludedInputs?: ExcludedInput[] }
  | { state: 'FAILED'; reasonCode: string; message: string; failedInputIds?: string[] };

/** An input the servers left out of the computation, and why (readable, never secret material). */
export interface ExcludedInput {
  inputId: string;
  reason: string;
}

export type PartyStatus = PartyState & {
  party: StatusParty;
  /** ISO-8601 time of the last state change. */
  updatedAt: string;
  /** ISO-8601 time of the last sign of life (a report or a heartbeat). */
  heartbeatAt: string;
};

export interface JobStatus {
  jobId: string;
  /** PENDING: nobody reported yet; DONE: every party is DONE; FAILED: any party FAILED. */
  overall: 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';
  parties: Partial<Record<StatusParty, PartyStatus>>;
  /** Mean progress of the parties (a missing party counts as 0, a DONE one as 1). */
  progress: number;
  /** The failures, first reported first. */
  failures: (PartyStatus & { state: 'FAILED' })[];
  /** RUNNING parties whose last heartbeat is older than the staleness bound. */
  staleParties: StatusParty[];
}

export interface JobStatusStore {
  report(jobId: string, party: StatusParty, state: PartyState): Promise<{ applied: boolean }>;
  heartbeat(jobId: string, party: StatusParty): Promise<void>;
  getJobStatus(jobId: string, options?: { staleAfterMs?: number }): Promise<JobStatus>;
  publishEndpoint(jobId: string, party: StatusParty, endpoint: PeerEndpoint): Promise<void>;
  getEndpoint(jobId: string, party: StatusParty): Promise<PeerEndpoint | undefined>;
}

const REASON_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
export const MAX_MESSAGE_LENGTH = 1_000;
export const MAX_PHASE_LENGTH = 200;
/** Keeps the item far below DynamoDB's 400 KB limit. */
export const MAX_FAILED_INPUT_IDS = 1_000;
/** Same bound as failedInputIds; each reason is cut to MAX_EXCLUSION_REASON_LENGTH. */
export const MAX_EXCLUDED_INPUTS = MAX_FAILED_INPUT_IDS;
export const MAX_EXCLUSION_REASON_LENGTH = 200;

/** Rejects states that must never be stored; messages are cut to a bounded length. */
export function validatePartyState(state: PartyState): PartyState {
  switch (state.state) {
    case 'RUNNING':
      if (!(state.progress >= 0 && state.progress <= 1)) throw new RangeError('progress must be within 0..1');
      return {
        state: 'RUNNING',
        progress: state.progress,
        ...(state.phase !== undefined && { phase: state.phase.slice(0, MAX_PHASE_LENGTH) }),
      };
    case 'DONE':
      if ((state.excludedInputs?.length ?? 0) > MAX_EXCLUDED_INPUTS) {
        throw new RangeError(`at most ${MAX_EXCLUDED_INPUTS} excludedInputs`);
      }
      return {
        state: 'DONE',
        ...(state.excludedInputs !== undefined && {
          excludedInputs: state.excludedInputs.map(({ inputId, reason }) => ({
            inputId,
            reason: reason.slice(0, MAX_EXCLUSION_REASON_LENGTH),
          })),
        }),
      };
    case 'FAILED':
      if (!REASON_CODE.test(state.reasonCode)) throw new RangeError('reasonCode must be UPPER_SNAKE_CASE');
      if ((state.failedInputIds?.length ?? 0) > MAX_FAILED_INPUT_IDS) {
        throw new RangeError(`at most ${MAX_FAILED_INPUT_IDS} failedInputIds`);
      }
      return {
        state: 'FAILED',
        reasonCode: state.reasonCode,
        message: state.message.slice(0, MAX_MESSAGE_LENGTH),
        ...(state.failedInputIds !== undefined && { failedInputIds: [...state.failedInputIds] }),
      };
  }
}

export function isTerminal(state: PartyState['state']): boolean {
  return state === 'DONE' || state === 'FAILED';
}

export const DEFAULT_STALE_AFTER_MS = 60_000;

export function combineJobStatus(
  jobId: string,
  reports: readonly PartyStatus[],
  options: { now?: Date; staleAfterMs?: number } = {},
): JobStatus {
  const now = (options.now ?? new Date()).getTime();
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const parties: Partial<Record<StatusParty, PartyStatus>> = {};
  for (const report of reports) parties[report.party] = report;
  const failures = reports
    .filter((report): report is PartyStatus & { state: 'FAILED' } => report.state === 'FAILED')
    .sort((x, y) => x.updatedAt.localeCompare(y.updatedAt));
  const progressOf = (party: StatusParty): number => {
    const report = parties[party];
    if (report === undefined) return 0;
    return report.state === 'RUNNING' ? report.progress : report.state === 'DONE' ? 1 : 0;
  };
  const overall: JobStatus['overall'] =
    failures.length > 0
      ? 'FAILED'
      : STATUS_PARTIES.every((party) => parties[party]?.state === 'DONE')
        ? 'DONE'
        : reports.length === 0
          ? 'PENDING'
          : 'RUNNING';
  return {
    jobId,
    overall,
    parties,
    progress: STATUS_PARTIES.reduce((sum, party) => sum + progressOf(party), 0) / STATUS_PARTIES.length,
    failures,
    staleParties: reports
      .filter((report) => report.state === 'RUNNING' && now - Date.parse(report.heartbeatAt) > staleAfterMs)
      .map((report) => report.party),
  };
}

/**
 * What each unfinished party is doing and for how long nothing changed, for an operator looking at a job
 * that takes long: `B: waiting for peer A on port 41234 (RUNNING 0%, unchanged 250 s, heartbeat 5 s ago)`.
 * A party that never reported is named as such.
 */
export function describeUnfinished(status: JobStatus, now: Date = new Date()): string {
  const seconds = (iso: string): number => Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  return STATUS_PARTIES.flatMap((party) => {
    const report = status.parties[party];
    if (report === undefined) return [`${party}: no report yet`];
    if (report.state !== 'RUNNING') return [];
    const doing = report.phase ?? 'running';
    return [
      `${party}: ${doing} (${Math.round(report.progress * 100)}%, unchanged ${seconds(report.updatedAt)} s, ` +
        `heartbeat ${seconds(report.heartbeatAt)} s ago)`,
    ];
  }).join('; ');
}
