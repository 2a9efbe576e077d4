import { rowCapOf } from '../../contract/input/row-cap.ts';
import type { Party } from '../../contract/party.ts';
import { acceptsInputs, hasFreeSlot } from '../domain/collaboration.ts';
import { DomainError, validationError } from '../domain/errors.ts';
import {
  overRowCap,
  PARTIES,
  rowCountViolations,
  shareViolations,
  type Input,
  type ShareDeclaration,
} from '../domain/input.ts';
import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import type { PresignedRequest } from '../ports/share-storage.ts';
import { notAcceptingInputs, requireCollaboration, requireParticipant } from './lookups.ts';
import { rowCountOfShareB } from './workflow/close-inputs.ts';

export interface IssuedInput {
  input: Input;
  uploads: Record<Party, PresignedRequest>;
}

/** Issues the participant's input id and one presigned PUT per server share. */
export async function createInput(
  ports: CoordinatorPorts,
  command: {
    callerId: string;
    collaborationId: string;
    shares: Record<Party, ShareDeclaration>;
    rowCount?: number;
  },
): Promise<IssuedInput> {
  const violations = shareViolations(command.shares, ports.maxShareBytes);
  if (violations.length > 0) throw validationError(violations);
  const now = ports.now();
  const collaboration = await requireCollaboration(ports, command.collaborationId);
  const fieldCount = collaboration.inputSchema.fields.length;
  const rowCap = rowCapOf(collaboration);
  const sizeViolations = rowCountViolations(command.rowCount, command.shares, fieldCount, rowCap);
  // Without a declared row count, the rows B's declared share size holds (what the job will be told).
  const derivedRows =
    command.rowCount === undefined ? rowCountOfShareB(command.shares.B.sizeBytes, fieldCount) : 0;
  if (derivedRows > rowCap)
    sizeViolations.push({ path: '/shares/B/sizeBytes', message: overRowCap(derivedRows, rowCap) });
  if (sizeViolations.length > 0) throw validationError(sizeViolations);
  const participant = await requireParticipant(ports, command.collaborationId, command.callerId);
  if (participant.inputStatus === 'COMPLETE') throw alreadyCompleted();
  // Completing is where a slot is taken; asking for an input when every slot is taken would only waste uploads.
  if (!acceptsInputs(collaboration, now) || !hasFreeSlot(collaboration))
    throw notAcceptingInputs(collaboration, now);
  const input: Input = {
    collaborationId: command.collaborationId,
    inputId: ports.newId(),
    clientId: command.callerId,
    status: 'PENDING',
    shares: { A: command.shares.A, B: command.shares.B },
    createdAt: now.toISOString(),
    ...(command.rowCount === undefined ? {} : { rowCount: command.rowCount }),
  };
  if ((await ports.inputs.issue(input, participant.inputId, now)) === 'refused') {
    const current = await requireParticipant(ports, command.collaborationId, command.callerId);
    if (current.inputStatus === 'COMPLETE') throw alreadyCompleted();
    throw notAcceptingInputs(
      await requireCollaboration(ports, command.collaborationId),
      now,
      new DomainError('invalid-state', 'Your input changed concurrently; ask again.'),
    );
  }
  const presigned = await Promise.all(
    PARTIES.map((party) =>
      ports.shares.presignInputUpload(party, input.collaborationId, input.inputId, input.shares[party]),
    ),
  );
  return { input, uploads: { A: presigned[0] as PresignedRequest, B: presigned[1] as PresignedRequest } };
}

function alreadyCompleted(): DomainError {
  return new DomainError('input-already-completed', 'Your input to this collaboration is already complete.');
}
