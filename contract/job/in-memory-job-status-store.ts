/** `JobStatusStore` in memory, for unit tests; same rules as the DynamoDB adapter (`job-status.ts`). */
import type { PeerEndpoint } from './peer-endpoint.ts';
import {
  combineJobStatus,
  isTerminal,
  validatePartyState,
  type JobStatus,
  type JobStatusStore,
  type PartyState,
  type PartyStatus,
  type StatusParty,
} from './job-status.ts';

export class InMemoryJobStatusStore implements JobStatusStore {
  private readonly jobs = new Map<string, Map<StatusParty, PartyStatus>>();
  private readonly endpoints = new Map<string, PeerEndpoint>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async report(jobId: string, party: StatusParty, state: PartyState): Promise<{ applied: boolean }> {
    const valid = validatePartyState(state);
    const job = this.jobs.get(jobId) ?? new Map<StatusParty, PartyStatus>();
    this.jobs.set(jobId, job);
    const current = job.get(party);
    if (current !== undefined && isTerminal(current.state)) return { applied: false };
    const now = this.clock().toISOString();
    job.set(party, { ...valid, party, updatedAt: now, heartbeatAt: now });
    return { applied: true };
  }

  async heartbeat(jobId: string, party: StatusParty): Promise<void> {
    const current = this.jobs.get(jobId)?.get(party);
    if (current?.state === 'RUNNING') current.heartbeatAt = this.clock().toISOString();
  }

  async getJobStatus(jobId: string, options: { staleAfterMs?: number } = {}): Promise<JobStatus> {
    const reports = [...(this.jobs.get(jobId)?.values() ?? [])].map((report) => structuredClone(report));
    return combineJobStatus(jobId, reports, { now: this.clock(), ...options });
  }

  async publishEndpoint(jobId: string, party: StatusParty, endpoint: PeerEndpoint): Promise<void> {
    this.endpoints.set(`${jobId}/${party}`, { host: endpoint.host, port: endpoint.port });
  }

  async getEndpoint(jobId: string, party: StatusParty): Promise<PeerEndpoint | undefined> {
    const endpoint = this.endpoints.get(`${jobId}/${party}`);
    return endpoint && { ...endpoint };
  }
}
