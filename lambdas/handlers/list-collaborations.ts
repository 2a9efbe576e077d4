import type { AnalysisKind } from '../../contract/analysis/analysis-spec.ts';
import { collaborationRepository, coordinatorPorts } from '../composition-root.ts';
import type { CollaborationStatus } from '../../contract/collaboration-status.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { collaborationView } from '../http/representations.ts';
import { listCollaborations } from '../use-cases/list-collaborations.ts';

const DEFAULT_LIMIT = 20;

const ports = coordinatorPorts({ collaborations: collaborationRepository });

export const handler = httpOperation(contracts.listCollaborations, async (request) => {
  const query = request.query as {
    status?: CollaborationStatus;
    analysis?: AnalysisKind;
    role?: 'owner' | 'participant';
    limit?: number;
    nextToken?: string;
  };
  const page = await listCollaborations(ports, {
    limit: query.limit ?? DEFAULT_LIMIT,
    ...(query.status ? { status: query.status } : {}),
    ...(query.analysis ? { analysis: query.analysis } : {}),
    ...(query.role ? { role: { kind: query.role, clientId: request.callerId } } : {}),
    ...(query.nextToken ? { nextToken: query.nextToken } : {}),
  });
  return {
    statusCode: 200,
    body: {
      items: page.items.map((collaboration) => collaborationView(collaboration, request)),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
  };
});
