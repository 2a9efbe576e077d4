import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_ROWS } from '../../../contract/analysis/computability.ts';
import {
  MAX_ANALYSES,
  MAX_BIN_EDGES,
  MAX_FIELDS,
  MAX_FRACTIONAL_BITS,
  MAX_ROWS_PER_PARTICIPANT,
  MIN_BIN_EDGES,
  MIN_ROWS_PER_PARTICIPANT,
} from '../../../contract/analysis/spec-limits.ts';
import { DEFAULT_FRACTIONAL_BITS } from '../../../contract/analysis/analysis-spec.ts';
import { MAX_PARTICIPANTS } from '../../../contract/collaboration-limits.ts';
import { MAX_INPUT_ROWS } from '../../../contract/input/input-limits.ts';
import type { OpenApiDocument } from '../../../contract/openapi/openapi-types.ts';

/** openapi.yml states the contract's limits as JSON-schema bounds; these hold the two to the same numbers. */
interface Schema {
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}
const openapiDocument = parse(
  readFileSync(new URL('../../../openapi.yml', import.meta.url), 'utf8'),
) as OpenApiDocument;
const schemas = openapiDocument.components.schemas as Record<string, Schema>;
const property = (schema: string, ...path: string[]): Schema =>
  path.reduce<Schema>((at, name) => at.properties![name]!, schemas[schema]!);

describe('openapi.yml states the contract limits', () => {
  it('fractional bits of a fixed-point field', () => {
    expect(property('FixedPointField', 'fractionalBits')).toMatchObject({
      minimum: 0,
      maximum: MAX_FRACTIONAL_BITS,
      default: DEFAULT_FRACTIONAL_BITS,
    });
  });

  it('histogram bin edges', () => {
    expect(property('AnalysisSpec', 'binEdges')).toMatchObject({
      minItems: MIN_BIN_EDGES,
      maxItems: MAX_BIN_EDGES,
    });
  });

  it('fields per schema and analyses per collaboration', () => {
    expect(property('InputSchema', 'fields')).toMatchObject({ minItems: 1, maxItems: MAX_FIELDS });
    expect(property('CreateCollaborationRequest', 'analyses')).toMatchObject({
      minItems: 1,
      maxItems: MAX_ANALYSES,
    });
  });

  it('participants, listed recipients, the invite list and rows per input', () => {
    for (const limit of ['minParticipants', 'maxParticipants'])
      expect(property('CreateCollaborationRequest', limit)).toMatchObject({
        minimum: 1,
        maximum: MAX_PARTICIPANTS,
      });
    const list = schemas.ResultRecipients!.oneOf!.find((option) => option.maxItems !== undefined);
    expect(list?.maxItems).toBe(MAX_PARTICIPANTS);
    expect(schemas.InviteList).toMatchObject({ minItems: 1, maxItems: MAX_PARTICIPANTS });
    expect(property('CreateInputRequest', 'rowCount')).toMatchObject({ minimum: 1, maximum: MAX_INPUT_ROWS });
    expect(MAX_ROWS).toBe(MAX_PARTICIPANTS * MAX_INPUT_ROWS);
  });

  it('the declared row cap per participant, on the create body and the collaboration', () => {
    expect(schemas.MaxRowsPerParticipant).toMatchObject({
      minimum: MIN_ROWS_PER_PARTICIPANT,
      maximum: MAX_ROWS_PER_PARTICIPANT,
    });
    expect(MAX_ROWS_PER_PARTICIPANT).toBe(MAX_INPUT_ROWS);
    const reference = { $ref: '#/components/schemas/MaxRowsPerParticipant' };
    expect(property('CreateCollaborationRequest', 'maxRowsPerParticipant')).toEqual(reference);
    expect(property('Collaboration', 'maxRowsPerParticipant')).toEqual(reference);
  });

  it('int field bounds are safe integers', () => {
    for (const bound of ['min', 'max'])
      expect(property('IntegerField', bound)).toMatchObject({
        minimum: -Number.MAX_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
      });
  });

  it('the createCollaboration description names the per-input row cap it assumes', () => {
    const operation = openapiDocument.paths['/v1/collaborations']!.post as { description: string };
    expect(operation.description).toContain(`at most ${MAX_INPUT_ROWS} rows`);
  });
});
