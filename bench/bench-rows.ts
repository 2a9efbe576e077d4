import type { ComputationSpec, FieldSpec } from '../contract/analysis/analysis-spec.ts';
import { encodedBounds, expandAnalyses, fractionalBitsOf } from '../contract/analysis/field-encoding.ts';
import type { AnalysisResult } from '../contract/result/result-codec.ts';

/**
 * The benchmark participants' rows (deterministic, spread over each field's whole declared range) and the
 * cleartext figures they must give, so every job is checked against its cleartext answer before its speed is
 * reported. Checked: count, sum, mean, min, max and histogram bins of the ungrouped analyses (variance,
 * quantiles and grouped figures are the property tests' business; noisy results are not checked).
 */
export function benchValue(field: FieldSpec, fieldIndex: number, input: number, row: number): number {
  const high32 = mix32(Math.imul(input + 1, 0x9e3779b9) ^ row);
  const low32 = mix32(high32 ^ Math.imul(fieldIndex + 1, 0x85ebca6b));
  // 53 bits, exact in a double.
  const hash = high32 * 2 ** 21 + (low32 >>> 11);
  if (field.type === 'category') return hash % field.categories.length;
  const { low, high } = encodedBounds(field);
  const encoded = Number(low) + (hash % (Number(high - low) + 1));
  return encoded / 2 ** fractionalBitsOf(field);
}

/** A 32-bit integer hash (lowbias32): neighbouring rows get unrelated values. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Running cleartext figures per field, in encoded integers (exact). */
export class CleartextFigures {
  rows = 0;
  private readonly sums: bigint[];
  private readonly minima: number[];
  private readonly maxima: number[];
  /** Per field with an ungrouped histogram: the rows in each bin. */
  private readonly binCounts: number[][] = [];

  constructor(private readonly spec: ComputationSpec) {
    this.sums = spec.fields.map(() => 0n);
    this.minima = spec.fields.map(() => Infinity);
    this.maxima = spec.fields.map(() => -Infinity);
  }

  add(row: readonly number[]): void {
    this.rows++;
    row.forEach((value, f) => {
      const encoded = Math.round(value * 2 ** fractionalBitsOf(this.spec.fields[f]!));
      this.sums[f] = this.sums[f]! + BigInt(encoded);
      if (value < this.minima[f]!) this.minima[f] = value;
      if (value > this.maxima[f]!) this.maxima[f] = value;
    });
    for (const [f, edges] of this.histogramEdges()) {
      const counts = (this.binCounts[f] ??= new Array<number>(edges.length + 1).fill(0));
      const value = row[f]!;
      let bin = 0;
      while (bin < edges.length && value >= edges[bin]!) bin++;
      counts[bin] = counts[bin]! + 1;
    }
  }

  #edges: [number, number[]][] | undefined;
  private histogramEdges(): [number, number[]][] {
    this.#edges ??= expandAnalyses(this.spec)
      .filter((analysis) => analysis.kind === 'histogram' && analysis.groupBy === undefined)
      .map((analysis) => [
        this.spec.fields.findIndex((field) => field.name === analysis.field),
        analysis.binEdges!,
      ]);
    return this.#edges;
  }

  /** The first mismatch between `results` and the cleartext, or undefined when every checked figure agrees. */
  mismatch(results: readonly AnalysisResult[]): string | undefined {
    if (this.spec.privacy) return undefined;
    const analyses = expandAnalyses(this.spec);
    for (const [i, analysis] of analyses.entries()) {
      const result = results[i]!;
      if (analysis.groupBy !== undefined) continue;
      const f = this.spec.fields.findIndex((field) => field.name === analysis.field);
      const scale = f < 0 ? 1 : 2 ** fractionalBitsOf(this.spec.fields[f]!);
      const sum = f < 0 ? 0 : Number(this.sums[f]!) / scale;
      const expected: Record<string, number | undefined> = {
        count: this.rows,
        sum,
        mean: sum / this.rows,
        min: this.minima[f],
        max: this.maxima[f],
      };
      const label = `${analysis.kind}${analysis.field ? ` of ${analysis.field}` : ''}`;
      if (analysis.kind in expected) {
        const want = expected[analysis.kind]!;
        const got = result.value ?? NaN;
        if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))))
          return `${label}: got ${got}, cleartext ${want}`;
      } else if (analysis.kind === 'histogram') {
        const want = this.binCounts[f] ?? [];
        const got = result.bins ?? [];
        // A suppressed bin (minimum cell size) reads null: only the released bins are compared.
        if (want.some((count, bin) => got[bin] !== null && got[bin] !== count))
          return `${label}: got bins ${JSON.stringify(got)}, cleartext ${JSON.stringify(want)}`;
      }
    }
    return undefined;
  }
}
