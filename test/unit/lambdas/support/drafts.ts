import type { CollaborationDraft } from '../../../../lambdas/domain/collaboration.ts';

/** A valid declaration; tests override one part at a time. */
export function validDraft(now: Date, overrides: Partial<CollaborationDraft> = {}): CollaborationDraft {
  return {
    name: 'Ward occupancy 2030',
    description: 'Mean and spread of occupancy across hospitals',
    analyses: [
      { kind: 'count' },
      { kind: 'mean', field: 'occupancy' },
      { kind: 'histogram', field: 'age', binEdges: [0, 18, 65, 120] },
      { kind: 'countAbove', field: 'occupancy', threshold: 0.9 },
    ],
    inputSchema: {
      fields: [
        { name: 'age', type: 'int', min: 0, max: 120 },
        { name: 'occupancy', type: 'fixed', fractionalBits: 16, min: 0, max: 1 },
      ],
    },
    minParticipants: 2,
    maxParticipants: 10,
    inputDeadline: new Date(now.getTime() + 24 * 3600_000).toISOString(),
    resultRecipients: 'all-participants',
    ...overrides,
  };
}
