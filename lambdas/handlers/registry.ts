import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { OperationId } from '../../contract/openapi/operation-ids.ts';

export type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Every operation's handler, imported on first use (as a Lambda container would load only its own). */
export const operationHandlers: Record<OperationId, () => Promise<Handler>> = {
  getHealth: async () => (await import('./get-health.ts')).handler,
  listComputationServers: async () => (await import('./list-computation-servers.ts')).handler,
  createCollaboration: async () => (await import('./create-collaboration.ts')).handler,
  listCollaborations: async () => (await import('./list-collaborations.ts')).handler,
  getCollaboration: async () => (await import('./get-collaboration.ts')).handler,
  cancelCollaboration: async () => (await import('./cancel-collaboration.ts')).handler,
  joinCollaboration: async () => (await import('./join-collaboration.ts')).handler,
  getMyParticipation: async () => (await import('./get-my-participation.ts')).handler,
  finishParticipation: async () => (await import('./finish-participation.ts')).handler,
  createInput: async () => (await import('./create-input.ts')).handler,
  completeInput: async () => (await import('./complete-input.ts')).handler,
  getResult: async () => (await import('./get-result.ts')).handler,
};
