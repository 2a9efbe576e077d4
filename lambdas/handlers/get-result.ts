import {
  collaborationRepository,
  coordinatorPorts,
  participantRepository,
  shareStorage,
} from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { getResult } from '../use-cases/get-result.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  participants: participantRepository,
  shares: shareStorage,
});

export const handler = httpOperation(contracts.getResult, async (request) => {
  const collaborationId = request.path.collaborationId as string;
  const answer = await getResult(ports, { callerId: request.callerId, collaborationId });
  if (answer.kind === 'pending')
    return {
      statusCode: 202,
      body: { collaborationId, status: answer.status, retryAfterSeconds: answer.retryAfterSeconds },
      headers: { 'retry-after': String(answer.retryAfterSeconds) },
    };
  return {
    statusCode: 200,
    body: {
      collaborationId,
      status: 'RESULT_READY',
      shares: answer.shares,
      ...(answer.jobId === undefined ? {} : { jobId: answer.jobId }),
    },
  };
});
