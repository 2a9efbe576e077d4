/** The coordinator's operations, exactly the operationIds of openapi.yml (a unit test keeps them equal). */
export const OPERATION_IDS = [
  'getHealth',
  'listComputationServers',
  'createCollaboration',
  'listCollaborations',
  'getCollaboration',
  'cancelCollaboration',
  'joinCollaboration',
  'getMyParticipation',
  'finishParticipation',
  'createInput',
  'completeInput',
  'getResult',
] as const;
export type OperationId = (typeof OPERATION_IDS)[number];
