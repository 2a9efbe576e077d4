import { MAX_INPUT_ROWS } from '../input/input-limits.ts';

/**
 * The limits of a computation spec. The shared rules (spec-rules.ts) enforce them for the coordinator and
 * the servers alike; openapi.yml states the same numbers as JSON-schema bounds, and a unit test holds the
 * two together.
 */

/** Fractional bits a fixed-point field may declare: more would leave no room for sums in Z_2^64. */
export const MAX_FRACTIONAL_BITS = 30;

/** Fields per input schema (the input codec stores the count in 16 bits; the bound keeps programs small). */
export const MAX_FIELDS = 64;

/** Analyses per collaboration. */
export const MAX_ANALYSES = 32;

/** Public edges of one histogram: at least one (two bins), at most 65 (66 bins). */
export const MIN_BIN_EDGES = 1;
export const MAX_BIN_EDGES = 65;

/** Decimal places of a quantile's p: p = P / 10^d exactly, so the rank ceil(p n) is exact in the ring. */
export const MAX_QUANTILE_DECIMALS = 6;

/** Minimum cell size k a collaboration may declare (k = 1 would suppress nothing). */
export const MIN_CELL_SIZE = 2;
export const MAX_CELL_SIZE = 1_000_000;

/** Differential privacy: epsilon in (0, MAX_EPSILON] with at most EPSILON_DECIMALS decimals, delta in [0, MAX_DELTA]. */
export const MAX_EPSILON = 10;
export const EPSILON_DECIMALS = 6;
export const MAX_DELTA = 0.001;

/** Categories of one category field (cells of a group-by); each label 1..MAX_CATEGORY_LABEL characters. */
export const MAX_CATEGORIES = 64;
export const MAX_CATEGORY_LABEL = 64;

/** A declared row cap per participant (maxRowsPerParticipant): 1 up to the system's per-input cap. */
export const MIN_ROWS_PER_PARTICIPANT = 1;
export const MAX_ROWS_PER_PARTICIPANT = MAX_INPUT_ROWS;
