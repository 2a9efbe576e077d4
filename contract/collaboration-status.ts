/** A collaboration's lifecycle (DESIGN.md section 3). Every transition is a conditional write. */
export const COLLABORATION_STATUSES = [
  'OPEN',
  'COMPUTING',
  'RESULT_READY',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type CollaborationStatus = (typeof COLLABORATION_STATUSES)[number];

const allowedTransitions: Record<CollaborationStatus, readonly CollaborationStatus[]> = {
  OPEN: ['COMPUTING', 'CANCELLED', 'EXPIRED'],
  COMPUTING: ['RESULT_READY', 'FAILED'],
  RESULT_READY: ['COMPLETED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export function canTransition(from: CollaborationStatus, to: CollaborationStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export function isTerminal(status: CollaborationStatus): boolean {
  return allowedTransitions[status].length === 0;
}
