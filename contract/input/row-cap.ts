import type { ComputationSpec } from '../analysis/analysis-spec.ts';
import { MAX_INPUT_ROWS } from './input-limits.ts';

/**
 * The most rows one participant's input may hold in a collaboration: its declared `maxRowsPerParticipant`
 * (1..MAX_INPUT_ROWS, checked by the spec rules), or the system's MAX_INPUT_ROWS when it declares none. The
 * coordinator refuses a larger input, the servers exclude one, checkComputable at creation assumes each
 * participant sends this many, and differential privacy takes it as the most rows one participant adds.
 */
export function rowCapOf(spec: Pick<ComputationSpec, 'maxRowsPerParticipant'>): number {
  return spec.maxRowsPerParticipant ?? MAX_INPUT_ROWS;
}
