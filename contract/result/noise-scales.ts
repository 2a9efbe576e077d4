import type { ComputationSpec } from '../analysis/analysis-spec.ts';
import { encodedBounds } from '../analysis/field-encoding.ts';
import { epsilonUnits } from '../analysis/release-rules.ts';
import { EPSILON_DECIMALS } from '../analysis/spec-limits.ts';
import { rowCapOf } from '../input/row-cap.ts';
import { resultLayout, type ResultSlot } from './result-layout.ts';

/**
 * The differential-privacy noise of a result (spec.privacy): every released figure (each slot of the layout
 * except the kept bits of suppressed cells, and the dropped-row total) gets discrete Laplace noise
 * (pmf proportional to exp(-|z| / b) over the integers) of scale b = sensitivity / (epsilon / m) in encoded
 * units, m the number of noised figures: basic composition spends epsilon / m on each, (epsilon, 0)-DP in all.
 * Sensitivity is over one participant's input, added or removed: at most R rows, R the collaboration's
 * declared maxRowsPerParticipant (MAX_INPUT_ROWS when it declares none; the coordinator refuses and the
 * servers exclude a larger input, so no input exceeds it), each in its field's declared bounds [low, high] (invalid rows count as `low`): counts R, sums R max(|low|, |high|),
 * sums of squares R max(low^2, high^2), min, max and quantile high - low.
 *
 * Servers A and B each add an independent sample of this full scale to their own share; either sample alone
 * makes the release (epsilon, 0)-DP, so neither server, knowing its own sample, can remove the other's.
 */
export const NOISE_MECHANISM = 'discrete-laplace';

/** Scale b = numerator / denominator of one figure's noise (exact rational, encoded units). */
export interface NoiseScale {
  numerator: bigint;
  denominator: bigint;
}

/** Per result word (analysis slots in layout order, then the dropped-row total): its noise, if any. */
export interface WordNoise {
  /** First word of the figure (a wide figure takes two). */
  word: number;
  wide: boolean;
  scale: NoiseScale;
  fractionalBits: number;
}

export function noisedFigures(spec: ComputationSpec): WordNoise[] {
  const privacy = spec.privacy;
  if (privacy === undefined) return [];
  const epsilon = epsilonUnits(privacy.epsilon);
  if (epsilon === undefined) throw new RangeError(`epsilon ${privacy.epsilon} is not allowed`);
  const rows = BigInt(rowCapOf(spec));
  const sensitivities: { word: number; wide: boolean; sensitivity: bigint; fractionalBits: number }[] = [];
  let word = 0;
  for (const entry of resultLayout(spec)) {
    const field = spec.fields.find((candidate) => candidate.name === entry.field);
    const { low, high } = field ? encodedBounds(field) : { low: 0n, high: 0n };
    const magnitude = (low < 0n ? -low : low) > high ? (low < 0n ? -low : low) : high;
    for (const slot of entry.slots) {
      const sensitivity = slotSensitivity(slot, rows, magnitude, high - low);
      if (sensitivity !== undefined)
        sensitivities.push({
          word,
          wide: slot.wide === true,
          sensitivity,
          fractionalBits: slot.fractionalBits,
        });
      word += slot.wide ? 2 : 1;
    }
  }
  sensitivities.push({ word, wide: false, sensitivity: rows, fractionalBits: 0 });
  const figures = BigInt(sensitivities.length);
  // b = sensitivity * m / epsilon = sensitivity * m * 10^d / epsilonUnits.
  const denominator = epsilon;
  return sensitivities.map(({ sensitivity, ...rest }) => ({
    ...rest,
    scale: { numerator: sensitivity * figures * 10n ** BigInt(EPSILON_DECIMALS), denominator },
  }));
}

function slotSensitivity(
  slot: ResultSlot,
  rows: bigint,
  magnitude: bigint,
  range: bigint,
): bigint | undefined {
  switch (slot.name) {
    case 'count':
    case 'countBelow':
    case 'countAbove':
    case 'bin':
      return rows;
    case 'sum':
      return rows * magnitude;
    case 'sumSquares':
      return rows * magnitude * magnitude;
    case 'min':
    case 'max':
    case 'quantile':
      return range > 0n ? range : 1n;
    default:
      // Kept bits of cells: compared on the noisy count, so they are post-processing and get no noise.
      return undefined;
  }
}

/** What a result states about its noise, so that recipients can reason about it. */
export interface PrivacyStatement {
  mechanism: typeof NOISE_MECHANISM;
  /** The budget this result spends: epsilon in all, delta 0 (the mechanism is pure). */
  epsilon: number;
  delta: number;
  /** The budget the collaboration declared (delta is an upper bound the mechanism does not use). */
  declared: { epsilon: number; delta: number };
  composition: 'basic';
  /** Noised figures m; each spends epsilon / m. */
  figures: number;
  epsilonPerFigure: number;
  /** The most rows one participant's input may hold (the declared cap): what the sensitivities assume. */
  rowsPerParticipant: number;
  /** Each of the two servers adds one independent sample of the full scale to its share. */
  samplesPerFigure: 2;
}

export function privacyStatement(spec: ComputationSpec): PrivacyStatement | undefined {
  if (spec.privacy === undefined) return undefined;
  const figures = noisedFigures(spec).length;
  return {
    mechanism: NOISE_MECHANISM,
    epsilon: spec.privacy.epsilon,
    delta: 0,
    declared: { epsilon: spec.privacy.epsilon, delta: spec.privacy.delta },
    composition: 'basic',
    figures,
    epsilonPerFigure: spec.privacy.epsilon / figures,
    rowsPerParticipant: rowCapOf(spec),
    samplesPerFigure: 2,
  };
}

/** A figure's scale b in decoded units (encoded scale / 2^f). */
export function decodedScale(noise: WordNoise): number {
  return Number(noise.scale.numerator) / Number(noise.scale.denominator) / 2 ** noise.fractionalBits;
}
