import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_TYPES_URL, renderApiTypes } from '../../../scripts/generate-api-types.ts';
import { OPERATION_IDS } from '../../../contract/openapi/operation-ids.ts';

describe('client/sdk/api-types.generated.ts', () => {
  it('matches openapi.yml (run `npm run client:generate` after changing the spec)', async () => {
    const committed = await readFile(GENERATED_TYPES_URL, 'utf8');
    expect(committed).toBe(await renderApiTypes());
  });

  it('covers every operation of the contract', async () => {
    const committed = await readFile(GENERATED_TYPES_URL, 'utf8');
    for (const operationId of OPERATION_IDS) {
      expect(committed).toContain(`  ${operationId}: {`);
    }
  });
});
