import type { JobStatusStore } from '../../contract/job/job-status.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import type { ComputeTaskName } from '../../contract/job/compute-tasks.ts';
import type { CollaborationRepository } from './collaboration-repository.ts';
import type { ServerKeyDirectory } from './workflow-server-keys.ts';
import type { StatusEventPublisher } from './status-event-publisher.ts';
import type { WebhookNotifier } from './webhook-notifier.ts';
import type { ComputeTasks, PeerEndpoints } from './workflow-compute-tasks.ts';
import type { CollaborationWorkflow } from './collaboration-workflow.ts';
import type { WorkflowRepository } from './workflow-repository.ts';

/** Tunables of the workflow steps (see `workflowSettingsFrom` for their environment variables). */
export interface WorkflowSettings {
  /** Computation attempts per collaboration. */
  attempts: number;
  /** How long participants may fetch the result before clean-up. */
  retentionSeconds: number;
  /** First poll wait of an attempt; doubled per poll up to `maxPollWaitSeconds`. */
  firstPollWaitSeconds: number;
  maxPollWaitSeconds: number;
  /** Polls per attempt before the attempt counts as hung. */
  pollsPerAttempt: number;
  /** A RUNNING party without a heartbeat for this long counts as dead. */
  staleAfterMs: number;
  /**
   * Rows one pair of servers takes: a job over more rows runs as ceil(rows / rowsPerShard) shards, each on its
   * own pair of servers, and a combine job (`contract/job/shard-plan.ts`).
   */
  rowsPerShard: number;
  /** `AwsvpcConfiguration` of each ECS task, so each carries its own security group (ignored locally). */
  taskNetworks: Record<ComputeTaskName, Record<string, unknown>>;
}

/** Everything the workflow steps need from the outside world. */
export interface WorkflowPorts {
  collaborations: CollaborationRepository;
  workflowState: WorkflowRepository;
  workflow: CollaborationWorkflow;
  jobStatus: JobStatusStore;
  /** The input bucket: job descriptions, input shares, dealer material. */
  jobStore: ObjectStore;
  computeTasks: ComputeTasks;
  peerEndpoints: PeerEndpoints;
  notifier: WebhookNotifier;
  events: StatusEventPublisher;
  serverKeys: ServerKeyDirectory;
  settings: WorkflowSettings;
  now(): Date;
  newId(): string;
}
