import { hasFreeSlot } from '../domain/collaboration.ts';
import { DomainError } from '../domain/errors.ts';
import { PARTIES, rowCountViolations, type Input } from '../domain/input.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import { notAcceptingInputs, requireCollaboration } from './lookups.ts';

/**
 * Registers an uploaded input after checking both share objects; counts it exactly once, and only while the
 * collaboration counts fewer than maxParticipants inputs (this is where a participant takes its slot).
 * Completing an input that is already complete answers it again, so retries and concurrent calls are safe.
 */
export async function completeInput(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string; inputId: string },
): Promise<Input> {
  const input = await requireOwnInput(ports, command);
  // A retried complete also retries the quorum release, in case the first call failed after counting.
  if (input.status === 'COMPLETE') return releasingQuorum(ports, input);
  const checks = await Promise.all(
    PARTIES.map((party) =>
      ports.shares.verifyInputUpload(party, input.collaborationId, input.inputId, input.shares[party]),
    ),
  );
  for (const [index, check] of checks.entries()) {
    if (!check.ok) throw new DomainError(check.kind, `Share for server ${PARTIES[index]}: ${check.detail}`);
  }
  // The uploads match the declarations; the declarations must still fit the declared rows and the schema.
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  const misfits = rowCountViolations(input.rowCount, input.shares, collaboration.inputSchema.fields.length);
  if (misfits.length > 0)
    throw new DomainError('upload-mismatch', misfits.map((v) => `${v.path}: ${v.message}`).join('; '));
  const now = ports.now();
  if ((await ports.inputs.complete(input, now)) === 'completed')
    return releasingQuorum(ports, { ...input, status: 'COMPLETE', completedAt: now.toISOString() });
  const current = await requireOwnInput(ports, command);
  if (current.status === 'COMPLETE') return current;
  const latest = await requireCollaboration(ports, command.collaborationId);
  throw notAcceptingInputs(
    latest,
    now,
    hasFreeSlot(latest)
      ? new DomainError('invalid-state', 'This input was replaced by a newer one; complete that one instead.')
      : undefined,
  );
}

/** After the count write: whichever of this and the workflow's token store comes second releases the wait. */
async function releasingQuorum(ports: CoordinatorPorts, input: Input): Promise<Input> {
  await ports.workflow?.inputCompleted(input.collaborationId);
  return input;
}

/** Inputs are private: another participant's input id is not found. */
async function requireOwnInput(
  ports: CoordinatorPorts,
  command: { callerId: string; collaborationId: string; inputId: string },
): Promise<Input> {
  const input = await ports.inputs.get(command.collaborationId, command.inputId);
  if (!input || input.clientId !== command.callerId)
    throw new DomainError(
      'not-found',
      `You have no input ${command.inputId} in collaboration ${command.collaborationId}.`,
    );
  return input;
}
