import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_KINDS } from '../../../../contract/analysis/analysis-spec.ts';
import { COLLABORATION_STATUSES } from '../../../../contract/collaboration-status.ts';
import { openapiDocument } from '../../../../contract/generated/openapi-document.generated.ts';
import { describeOperations } from '../../../../lambdas/http/openapi-schemas.ts';
import { OPERATION_IDS } from '../../../../contract/openapi/operation-ids.ts';
import { PROBLEM_CATALOGUE, PROBLEM_KINDS, problemType } from '../../../../contract/problems.ts';
import { operationHandlers } from '../../../../lambdas/handlers/registry.ts';
import { GENERATED_PATH, renderOpenApiDocument } from '../../../../scripts/generate-openapi-document.ts';

const schemas = openapiDocument.components.schemas as Record<string, { enum?: string[]; properties?: never }>;

describe('openapi.yml and the code agree', () => {
  it('the bundled document is generated from the current openapi.yml (run npm run openapi:generate)', async () => {
    expect(await readFile(GENERATED_PATH, 'utf8')).toBe(await renderOpenApiDocument());
  });

  it('has exactly the operations the handlers implement', async () => {
    const ids = describeOperations(openapiDocument).map((operation) => operation.operationId);
    expect(ids.sort()).toEqual([...OPERATION_IDS].sort());
    expect(Object.keys(operationHandlers).sort()).toEqual([...OPERATION_IDS].sort());
    for (const load of Object.values(operationHandlers)) expect(typeof (await load())).toBe('function');
  });

  it('only getHealth is public; every other operation requires the client-credentials scheme', () => {
    const open = describeOperations(openapiDocument).filter((operation) => !operation.requiresAuth);
    expect(open.map((operation) => operation.operationId)).toEqual(['getHealth']);
    expect(openapiDocument.security).toEqual([{ clientCredentials: [] }]);
  });

  it('documents every problem type the code can answer, with the status the code uses', () => {
    const documented = (
      openapiDocument.components.schemas.Problem as { properties: { type: { enum: string[] } } }
    ).properties.type.enum;
    expect(documented).toEqual(PROBLEM_KINDS.map(problemType));
    for (const operation of describeOperations(openapiDocument)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status.startsWith('2')) continue;
        expect(Object.keys(response.content), `${operation.operationId} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
    expect(Object.keys(PROBLEM_CATALOGUE)).toEqual([...PROBLEM_KINDS]);
  });

  it('mirrors the computation contract: analysis kinds and statuses', () => {
    expect(schemas.AnalysisKind?.enum).toEqual([...ANALYSIS_KINDS]);
    expect(schemas.CollaborationStatus?.enum).toEqual([...COLLABORATION_STATUSES]);
  });
});
