import type { Party } from '../../../../contract/party.ts';
import type { Collaboration } from '../../../../lambdas/domain/collaboration.ts';
import type { Input, ShareDeclaration } from '../../../../lambdas/domain/input.ts';
import type { Participant } from '../../../../lambdas/domain/participation.ts';
import type { CollaborationRepository } from '../../../../lambdas/ports/collaboration-repository.ts';
import type { CoordinatorPorts } from '../../../../lambdas/ports/coordinator-ports.ts';
import type { InputRepository } from '../../../../lambdas/ports/input-repository.ts';
import type { ParticipantRepository } from '../../../../lambdas/ports/participant-repository.ts';
import type { ShareStorage, UploadCheck } from '../../../../lambdas/ports/share-storage.ts';

/**
 * In-memory fakes of the coordinator ports with the same conditions as the DynamoDB adapter, for use-case
 * tests. `uploaded` plays the bucket: tests put what a client would have uploaded.
 */
export function inMemoryPorts(start = new Date('2030-01-01T00:00:00.000Z')) {
  const collaborations = new Map<string, Collaboration>();
  const participants = new Map<string, Participant>();
  const inputs = new Map<string, Input>();
  const uploaded = new Map<string, ShareDeclaration>();
  let clock = start.getTime();
  let nextId = 0;
  const participantKey = (collaborationId: string, clientId: string) => `${collaborationId}/${clientId}`;
  const inputKey = (collaborationId: string, inputId: string) => `${collaborationId}/${inputId}`;
  const objectKey = (party: Party, collaborationId: string, inputId: string) =>
    `${party}/${collaborationId}/${inputId}`;
  const accepting = (collaboration: Collaboration | undefined, at: Date) =>
    collaboration !== undefined &&
    collaboration.status === 'OPEN' &&
    at.toISOString() < collaboration.inputDeadline;

  const collaborationRepository: CollaborationRepository = {
    async create(collaboration) {
      collaborations.set(collaboration.collaborationId, structuredClone(collaboration));
    },
    async get(id) {
      const found = collaborations.get(id);
      return found && structuredClone(found);
    },
    async list(query) {
      const items = [...collaborations.values()].filter(
        (c) =>
          (query.status === undefined || c.status === query.status) &&
          (query.analysis === undefined || c.analyses.some((a) => a.kind === query.analysis)) &&
          (query.role === undefined ||
            (query.role.kind === 'owner'
              ? c.ownerId === query.role.clientId
              : participants.has(participantKey(c.collaborationId, query.role.clientId)))),
      );
      return { items: items.slice(0, query.limit) };
    },
    async transition(id, from, to, at, reason) {
      const found = collaborations.get(id);
      if (!found || found.status !== from) return undefined;
      Object.assign(
        found,
        { status: to, updatedAt: at.toISOString() },
        reason ? { statusReason: reason } : {},
      );
      return structuredClone(found);
    },
  };

  const participantRepository: ParticipantRepository = {
    async get(collaborationId, clientId) {
      const found = participants.get(participantKey(collaborationId, clientId));
      return found && structuredClone(found);
    },
    async join(participant, at) {
      const key = participantKey(participant.collaborationId, participant.clientId);
      if (participants.has(key)) return 'already-joined';
      const collaboration = collaborations.get(participant.collaborationId);
      if (!collaboration || !accepting(collaboration, at)) return 'collaboration-refused';
      collaboration.participantCount += 1;
      participants.set(key, structuredClone(participant));
      return 'joined';
    },
    async finish(collaborationId, clientId, at) {
      const found = participants.get(participantKey(collaborationId, clientId));
      if (!found) return 'refused';
      if (found.finishedAt) return 'already-finished';
      found.finishedAt = at.toISOString();
      (collaborations.get(collaborationId) as Collaboration).finishedCount += 1;
      return 'finished';
    },
  };

  const inputRepository: InputRepository = {
    async get(collaborationId, inputId) {
      const found = inputs.get(inputKey(collaborationId, inputId));
      return found && structuredClone(found);
    },
    async issue(input, replacedInputId, at) {
      const participant = participants.get(participantKey(input.collaborationId, input.clientId));
      if (!participant || participant.inputStatus === 'COMPLETE') return 'refused';
      if (!accepting(collaborations.get(input.collaborationId), at)) return 'refused';
      if (replacedInputId) inputs.delete(inputKey(input.collaborationId, replacedInputId));
      inputs.set(inputKey(input.collaborationId, input.inputId), structuredClone(input));
      participant.inputId = input.inputId;
      participant.inputStatus = 'PENDING';
      return 'issued';
    },
    async complete(input, at) {
      const stored = inputs.get(inputKey(input.collaborationId, input.inputId));
      const participant = participants.get(participantKey(input.collaborationId, input.clientId));
      const collaboration = collaborations.get(input.collaborationId);
      if (!stored || stored.status !== 'PENDING' || participant?.inputId !== input.inputId) return 'refused';
      if (!accepting(collaboration, at)) return 'refused';
      // A slot is taken here: no more than maxParticipants inputs count.
      if (
        (collaboration as Collaboration).completedInputCount >=
        (collaboration as Collaboration).maxParticipants
      )
        return 'refused';
      stored.status = 'COMPLETE';
      stored.completedAt = at.toISOString();
      participant.inputStatus = 'COMPLETE';
      (collaboration as Collaboration).completedInputCount += 1;
      return 'completed';
    },
  };

  const shares: ShareStorage = {
    async presignInputUpload(party, collaborationId, inputId, share) {
      return {
        method: 'PUT',
        url: `https://storage.test/${objectKey(party, collaborationId, inputId)}`,
        headers: { 'content-length': String(share.sizeBytes), 'x-amz-checksum-sha256': share.sha256 },
        expiresAt: new Date(clock + 900_000).toISOString(),
      };
    },
    async verifyInputUpload(party, collaborationId, inputId, share): Promise<UploadCheck> {
      const found = uploaded.get(objectKey(party, collaborationId, inputId));
      if (!found) return { ok: false, kind: 'upload-incomplete', detail: 'not uploaded' };
      if (found.sizeBytes !== share.sizeBytes || found.sha256 !== share.sha256)
        return { ok: false, kind: 'upload-mismatch', detail: 'differs from the declaration' };
      return { ok: true };
    },
    async presignResultDownload(party, collaborationId, recipientId) {
      return {
        method: 'GET',
        url: `https://storage.test/results/${party}/${collaborationId}/${recipientId}`,
        headers: {},
        expiresAt: new Date(clock + 900_000).toISOString(),
      };
    },
  };

  const ports: CoordinatorPorts = {
    collaborations: collaborationRepository,
    participants: participantRepository,
    inputs: inputRepository,
    shares,
    computationServers: [
      {
        id: 'A',
        publicKey: 'A'.repeat(43),
        kem: 'DHKEM-X25519-HKDF-SHA256',
        kdf: 'HKDF-SHA256',
        aead: 'AES-128-GCM',
      },
      {
        id: 'B',
        publicKey: 'B'.repeat(42) + 'A',
        kem: 'DHKEM-X25519-HKDF-SHA256',
        kdf: 'HKDF-SHA256',
        aead: 'AES-128-GCM',
      },
    ],
    maxShareBytes: 1024,
    loopbackWebhooks: true,
    now: () => new Date(clock),
    newId: () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`,
  };
  return {
    ports,
    collaborations,
    participants,
    inputs,
    uploaded: (party: Party, collaborationId: string, inputId: string, share: ShareDeclaration) =>
      uploaded.set(objectKey(party, collaborationId, inputId), share),
    advance: (ms: number) => (clock += ms),
  };
}
