import {
  COLLABORATION_STATUSES as DOMAIN_STATUSES,
  isTerminal,
} from '../../contract/collaboration-status.ts';
import type { components } from '../../contract/generated/api-types.generated.ts';

/** Names for the contract's schemas, so SDK users need not reach into the generated file. */
type Schemas = components['schemas'];
export type Collaboration = Schemas['Collaboration'];
export type CollaborationPage = Schemas['CollaborationPage'];
export type CollaborationStatus = Schemas['CollaborationStatus'];
export type CreateCollaborationRequest = Schemas['CreateCollaborationRequest'];
export type ComputationServer = Schemas['ComputationServer'];
export type JoinCollaborationRequest = Schemas['JoinCollaborationRequest'];
export type Participation = Schemas['Participation'];
export type CreateInputRequest = Schemas['CreateInputRequest'];
export type InputUpload = Schemas['InputUpload'];
export type Input = Schemas['Input'];
export type PresignedRequest = Schemas['PresignedRequest'];
export type ResultPending = Schemas['ResultPending'];
export type ResultReady = Schemas['ResultReady'];
export type Problem = Schemas['Problem'];

/** Every status in lifecycle order: the domain's list, which a unit test keeps equal to openapi.yml's enum. */
export const COLLABORATION_STATUSES: readonly CollaborationStatus[] = DOMAIN_STATUSES;

/** Statuses after which a collaboration never changes again. */
export const TERMINAL_STATUSES: ReadonlySet<CollaborationStatus> = new Set(
  DOMAIN_STATUSES.filter(isTerminal),
);
