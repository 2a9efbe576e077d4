import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { MAX_INPUT_ROWS } from '../../../../contract/input/input-limits.ts';
import { decodedScale, noisedFigures, privacyStatement } from '../../../../contract/result/noise-scales.ts';

/**
 * Noise scales from the declared row cap R: b = sensitivity * m / epsilon, with a count's sensitivity R,
 * a sum's R max(|low|, |high|), a min's high - low; without a cap R is the system's MAX_INPUT_ROWS.
 */
const spec = (extra: Partial<ComputationSpec> = {}): ComputationSpec => ({
  fields: [{ name: 'x', type: 'int', min: -4, max: 10 }],
  analyses: [{ kind: 'count' }, { kind: 'sum', field: 'x' }, { kind: 'min', field: 'x' }],
  privacy: { epsilon: 0.5, delta: 0 },
  ...extra,
});

describe('noise scales', () => {
  it('a count is scaled to cap * m / epsilon, a sum to cap * max|bound| * m / epsilon', () => {
    const figures = noisedFigures(spec({ maxRowsPerParticipant: 1000 }));
    // count; sum; min's count of valid rows and min; the dropped-row total: m = 5.
    expect(figures).toHaveLength(5);
    const [count, sum, validRows, min, dropped] = figures.map(decodedScale);
    expect(count).toBe((1000 * 5) / 0.5);
    expect(sum).toBe((1000 * 10 * 5) / 0.5);
    expect(validRows).toBe((1000 * 5) / 0.5);
    expect(min).toBe((14 * 5) / 0.5);
    expect(dropped).toBe((1000 * 5) / 0.5);
    expect(figures[0]!.scale).toEqual({ numerator: 1000n * 5n * 10n ** 6n, denominator: 500_000n });
  });

  it('without a declared cap, the system cap', () => {
    const [count] = noisedFigures(spec()).map(decodedScale);
    expect(count).toBe((MAX_INPUT_ROWS * 5) / 0.5);
    expect(noisedFigures(spec({ maxRowsPerParticipant: MAX_INPUT_ROWS }))).toEqual(noisedFigures(spec()));
  });

  it('the privacy statement states the declared cap', () => {
    expect(privacyStatement(spec({ maxRowsPerParticipant: 250 }))).toMatchObject({
      rowsPerParticipant: 250,
      figures: 5,
      epsilonPerFigure: 0.1,
    });
    expect(privacyStatement(spec())?.rowsPerParticipant).toBe(MAX_INPUT_ROWS);
    expect(privacyStatement(spec({ privacy: undefined, maxRowsPerParticipant: 250 }))).toBeUndefined();
  });
});
