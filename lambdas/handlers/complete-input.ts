import {
  collaborationRepository,
  coordinatorPorts,
  inputRepository,
  shareStorage,
} from '../composition-root.ts';
import { waitReleaseHooks } from './api-workflow-hooks.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { inputView } from '../http/representations.ts';
import { completeInput } from '../use-cases/complete-input.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  inputs: inputRepository,
  shares: shareStorage,
  workflow: waitReleaseHooks,
});

export const handler = httpOperation(contracts.completeInput, async (request) => {
  const input = await completeInput(ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
    inputId: request.path.inputId as string,
  });
  return { statusCode: 200, body: inputView(input) };
});
