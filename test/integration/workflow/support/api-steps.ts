import { randomBytes } from 'node:crypto';
import { resultPublicKey, sha256 } from '../../api/support/fixtures.ts';
import { sealedInputShareBytes } from '../../../../contract/input/input-share-size.ts';
import type { CoordinatorPorts } from '../../../../lambdas/ports/coordinator-ports.ts';
import { completeInput } from '../../../../lambdas/use-cases/complete-input.ts';
import { createCollaboration } from '../../../../lambdas/use-cases/create-collaboration.ts';
import { createInput } from '../../../../lambdas/use-cases/create-input.ts';
import { joinCollaboration } from '../../../../lambdas/use-cases/join-collaboration.ts';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';

/** API use cases on the real adapters, as the handlers call them. */
export async function newCollaboration(api: CoordinatorPorts, maxParticipants: number): Promise<string> {
  const created = await createCollaboration(api, {
    callerId: 'owner',
    draft: {
      name: 'workflow repository',
      analyses: [{ kind: 'count' }],
      inputSchema: { fields: [{ name: 'v', type: 'int' }] },
      minParticipants: 1,
      maxParticipants,
      inputDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      resultRecipients: 'all-participants',
    },
  });
  return created.collaborationId;
}

export async function joinThroughApi(api: CoordinatorPorts, collaborationId: string, clientId: string) {
  return joinCollaboration(api, {
    callerId: clientId,
    collaborationId,
    resultPublicKey: resultPublicKey(),
    webhookUrl: `https://${clientId}.example/hook`,
  });
}

/** Uploads random bytes of the exact sealed sizes (the coordinator checks sizes and digests, not contents). */
export async function contributeThroughApi(
  api: CoordinatorPorts,
  collaborationId: string,
  clientId: string,
  rowCount = 2,
): Promise<() => Promise<unknown>> {
  const bodies = {
    A: randomBytes(sealedInputShareBytes('A', 1, rowCount)),
    B: randomBytes(sealedInputShareBytes('B', 1, rowCount)),
  };
  const declare = (body: Buffer) => ({
    sizeBytes: body.length,
    sha256: sha256(body),
  });
  const issued = await createInput(api, {
    callerId: clientId,
    collaborationId,
    rowCount,
    shares: { A: declare(bodies.A), B: declare(bodies.B) },
  });
  const s3 = new S3Client({ forcePathStyle: true });
  for (const party of ['A', 'B'] as const)
    await s3.send(
      new PutObjectCommand({
        // Each server's own bucket (the local system's SERVER_<P>_INPUT_BUCKET).
        Bucket: process.env[`SERVER_${party}_INPUT_BUCKET`] ?? process.env.INPUT_BUCKET,
        Key: storageLayout.inputShare(party, collaborationId, issued.input.inputId),
        Body: bodies[party],
        ChecksumSHA256: declare(bodies[party]).sha256,
      }),
    );
  s3.destroy();
  return () => completeInput(api, { callerId: clientId, collaborationId, inputId: issued.input.inputId });
}
