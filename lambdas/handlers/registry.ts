import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { OperationId } from '../http/operation-ids.ts';

export type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Every operation's handler, imported on first use (as a Lambda container would load only its own). */
export const operationHandlers: Record<OperationId, () => Promise<Handler>> = {
  getHealth: async () => (await import('./getHealth.ts')).handler,
  listComputationServers: async () => (await import('./listComputationServers.ts')).handler,
  createCollaboration: async () => (await import('./createCollaboration.ts')).handler,
  listCollaborations: async () => (await import('./listCollaborations.ts')).handler,
  getCollaboration: async () => (await import('./getCollaboration.ts')).handler,
  cancelCollaboration: async () => (await import('./cancelCollaboration.ts')).handler,
  joinCollaboration: async () => (await import('./joinCollaboration.ts')).handler,
  getMyParticipation: async () => (await import('./getMyParticipation.ts')).handler,
  finishParticipation: async () => (await import('./finishParticipation.ts')).handler,
  createInput: async () => (await import('./createInput.ts')).handler,
  completeInput: async () => (await import('./completeInput.ts')).handler,
  getResult: async () => (await import('./getResult.ts')).handler,
};
