import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { inputView } from '../http/representations.ts';
import { completeInput } from '../use-cases/complete-input.ts';

export const handler = httpOperation('completeInput', async (request) => {
  const input = await completeInput(coordinator().ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
    inputId: request.path.inputId as string,
  });
  return { statusCode: 200, body: inputView(input) };
});
