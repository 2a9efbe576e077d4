/**
 * The computation service's published contract: what a collaboration may ask for. The coordinator validates
 * collaborations against these types, the dealer and servers compile them into programs, and the client
 * encodes rows and decodes results with them. Pure types and constants: no AWS, no I/O.
 */

/** Default fractional bits for fixed-point fields (DESIGN.md section 5). */
export const DEFAULT_FRACTIONAL_BITS = 16;

export interface IntegerField {
  name: string;
  type: 'int';
  /** Optional public bounds, inclusive; rows outside are rejected by the client before upload. */
  min?: number;
  max?: number;
}

export interface FixedPointField {
  name: string;
  type: 'fixed';
  /** Fractional bits f: a real x is encoded as round(x * 2^f) in Z_2^64. */
  fractionalBits?: number;
  min?: number;
  max?: number;
}

/**
 * A categorical field: public labels; a row holds its category's index (0-based), encoded and checked like an
 * int field with bounds [0, categories.length - 1]. Only `groupBy` uses it.
 */
export interface CategoryField {
  name: string;
  type: 'category';
  categories: string[];
  /** Not allowed (the spec rules refuse them): declared only so that code over any field reads them. */
  min?: number;
  max?: number;
  fractionalBits?: number;
}

export type FieldSpec = IntegerField | FixedPointField | CategoryField;

export const ANALYSIS_KINDS = [
  'count',
  'sum',
  'mean',
  'variance',
  'stddev',
  'histogram',
  'countAbove',
  'countBelow',
  'min',
  'max',
  'quantile',
] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/**
 * One requested statistic. `field` names the input field; when absent the analysis applies to every field
 * (`count` counts rows and takes no field). `binEdges` (strictly increasing, public) only for histogram;
 * `threshold` (public) only for countAbove / countBelow; `p` (in (0, 1), at most MAX_QUANTILE_DECIMALS decimal
 * places) only for quantile: the smallest encoded value v with #(x <= v) >= ceil(p n) over the n valid rows.
 */
export interface AnalysisSpec {
  kind: AnalysisKind;
  field?: string;
  binEdges?: number[];
  threshold?: number;
  p?: number;
  /** A category field: the analysis is computed per category (count, sum, mean, variance, stddev, quantile). */
  groupBy?: string;
}

/** What the computation service needs to run one collaboration's computation. */
export interface ComputationSpec {
  fields: FieldSpec[];
  analyses: AnalysisSpec[];
  /** Minimum cell size k: histogram bins and group-by cells with fewer than k rows are suppressed. */
  minCellSize?: number;
  /** Differential privacy for every released figure (absent: exact results). */
  privacy?: PrivacySpec;
  /**
   * The most rows one participant's input may hold (absent: MAX_INPUT_ROWS). The coordinator refuses a larger
   * input, the servers exclude one, and the noise of `privacy` is scaled to it (`input/row-cap.ts`).
   */
  maxRowsPerParticipant?: number;
}

/** The (epsilon, delta) budget of one collaboration's result (`privacy-noise.ts` spends it). */
export interface PrivacySpec {
  epsilon: number;
  delta: number;
}
