import { createHash, randomBytes } from 'node:crypto';

export const resultPublicKey = () => randomBytes(32).toString('base64url');
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

export function collaborationRequest(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Length of stay',
    description: 'Mean and histogram of length of stay across hospitals',
    analyses: [
      { kind: 'count' },
      { kind: 'mean', field: 'days' },
      { kind: 'histogram', field: 'days', binEdges: [0, 2, 7, 30] },
    ],
    inputSchema: { fields: [{ name: 'days', type: 'fixed', fractionalBits: 8, min: 0, max: 365 }] },
    minParticipants: 1,
    maxParticipants: 5,
    inputDeadline: new Date(Date.now() + 3600_000).toISOString(),
    resultRecipients: 'all-participants',
    ...overrides,
  };
}
