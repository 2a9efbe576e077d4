import type { AnalysisKind } from '../../mpc-servers/contract/analysis-spec.ts';
import { coordinator } from '../composition-root.ts';
import type { CollaborationStatus } from '../domain/collaboration-status.ts';
import { httpOperation } from '../http/http-operation.ts';
import { collaborationView } from '../http/representations.ts';
import { listCollaborations } from '../use-cases/list-collaborations.ts';

const DEFAULT_LIMIT = 20;

export const handler = httpOperation('listCollaborations', async (request) => {
  const query = request.query as {
    status?: CollaborationStatus;
    analysis?: AnalysisKind;
    role?: 'owner' | 'participant';
    limit?: number;
    nextToken?: string;
  };
  const page = await listCollaborations(coordinator().ports, {
    limit: query.limit ?? DEFAULT_LIMIT,
    ...(query.status ? { status: query.status } : {}),
    ...(query.analysis ? { analysis: query.analysis } : {}),
    ...(query.role ? { role: { kind: query.role, clientId: request.callerId } } : {}),
    ...(query.nextToken ? { nextToken: query.nextToken } : {}),
  });
  return {
    statusCode: 200,
    body: {
      items: page.items.map(collaborationView),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
  };
});
