import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { releaseViolations } from '../../../contract/analysis/release-rules.ts';
import {
  MAX_CELL_SIZE,
  MAX_DELTA,
  MAX_EPSILON,
  MIN_CELL_SIZE,
} from '../../../contract/analysis/spec-limits.ts';

/** openapi.yml states the limits of minCellSize and privacy as the spec rules enforce them. */
const schemas = (
  parse(readFileSync(new URL('../../../openapi.yml', import.meta.url), 'utf8')) as {
    components: { schemas: Record<string, { minimum?: number; maximum?: number; properties?: object }> };
  }
).components.schemas;

const spec = (extra: Partial<ComputationSpec>): ComputationSpec => ({
  fields: [{ name: 'x', type: 'int', min: 0, max: 9 }],
  analyses: [{ kind: 'histogram', field: 'x', binEdges: [5] }],
  ...extra,
});

describe('minimum cell size and privacy limits', () => {
  it('openapi.yml and spec-limits agree', () => {
    expect(schemas.MinCellSize).toMatchObject({ minimum: MIN_CELL_SIZE, maximum: MAX_CELL_SIZE });
    expect(schemas.PrivacyBudget!.properties).toMatchObject({
      epsilon: { exclusiveMinimum: 0, maximum: MAX_EPSILON },
      delta: { minimum: 0, maximum: MAX_DELTA },
    });
  });

  it('the rules refuse what the schema cannot say', () => {
    expect(releaseViolations(spec({ minCellSize: 5, privacy: { epsilon: 0.5, delta: 0 } }))).toEqual([]);
    expect(releaseViolations(spec({ minCellSize: 1.5 })).map((v) => v.path)).toEqual(['/minCellSize']);
    expect(
      releaseViolations({ ...spec({ minCellSize: 5 }), analyses: [{ kind: 'count' }] }).map((v) => v.path),
    ).toEqual(['/minCellSize']);
    // Group-by cells are cells too: with or without a histogram.
    const grouped = spec({ minCellSize: 5 });
    grouped.fields.push({ name: 'ward', type: 'category', categories: ['A', 'B'] });
    grouped.analyses.push({ kind: 'count', groupBy: 'ward' });
    expect(releaseViolations(grouped)).toEqual([]);
    grouped.analyses = [{ kind: 'sum', field: grouped.fields[0]!.name, groupBy: 'ward' }];
    expect(releaseViolations(grouped)).toEqual([]);
    expect(
      releaseViolations(spec({ privacy: { epsilon: 0.0000001, delta: 0.5 } })).map((v) => v.path),
    ).toEqual(['/privacy/epsilon', '/privacy/delta']);
  });
});
