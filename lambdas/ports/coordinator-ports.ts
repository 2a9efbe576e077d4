import type { CollaborationRepository } from './collaboration-repository.ts';
import type { InputRepository } from './input-repository.ts';
import type { ParticipantRepository } from './participant-repository.ts';
import type { ComputationServerKey } from './server-directory.ts';
import type { ShareStorage } from './share-storage.ts';
import type { WorkflowHooks } from './workflow-hooks.ts';

/** Everything the use cases need from the outside world. */
export interface CoordinatorPorts {
  collaborations: CollaborationRepository;
  participants: ParticipantRepository;
  inputs: InputRepository;
  shares: ShareStorage;
  computationServers: readonly ComputationServerKey[];
  maxShareBytes: number;
  /** Accept http webhooks to this machine (local runtime only; unset means no). */
  loopbackWebhooks?: boolean;
  now(): Date;
  newId(): string;
  /** The collaboration workflow; absent where only the API runs (its unit tests): nothing is started then. */
  workflow?: WorkflowHooks;
}
