import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROWS_PER_PARTICIPANT } from '../../../contract/analysis/spec-limits.ts';
import { sealedInputShareBytes } from '../../../contract/input/input-share-size.ts';
import type { Party } from '../../../contract/party.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { apiClient, expectProblem } from './support/api-client.ts';
import { tableItems } from './support/table-items.ts';
import { collaborationRequest, resultPublicKey, sha256 } from './support/fixtures.ts';

/**
 * A collaboration's declared maxRowsPerParticipant, over the API: shown on the collaboration, its bounds
 * refused by the schema, and createInput refusing an input over it (declared rows, or the rows B's share
 * size holds when none are declared) with 400 naming the cap, storing no input.
 */
let system: LocalSystem;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  process.env.MPC_VALIDATE_RESPONSES = 'true';
  system = await startLocalSystem();
  call = apiClient(system);
});
afterAll(async () => system?.stop());

/** What a client declares for sealed shares of `rows` rows of one field (contents do not matter here). */
function declaration(rows: number, withRowCount = true) {
  const share = (party: Party) => {
    const sizeBytes = sealedInputShareBytes(party, 1, rows);
    return { sizeBytes, sha256: sha256(Buffer.alloc(sizeBytes, party)) };
  };
  return { ...(withRowCount ? { rowCount: rows } : {}), shares: { A: share('A'), B: share('B') } };
}

describe('a declared maxRowsPerParticipant', () => {
  it('is refused outside 1..MAX_ROWS_PER_PARTICIPANT', async () => {
    for (const cap of [0, MAX_ROWS_PER_PARTICIPANT + 1, 2.5]) {
      const answer = await call('olga', 'POST', '/v1/collaborations', {
        body: collaborationRequest({ maxRowsPerParticipant: cap }),
      });
      expectProblem(answer, 400, 'validation-error');
      expect(answer.bodyText).toContain('maxRowsPerParticipant');
    }
  });

  it('createInput over the cap: 400 naming the cap, and no input is stored', async () => {
    const created = await call('olga', 'POST', '/v1/collaborations', {
      body: collaborationRequest({ maxRowsPerParticipant: 3 }),
    });
    expect(created.status, created.bodyText).toBe(201);
    expect(created.body.maxRowsPerParticipant).toBe(3);
    const id = created.body.collaborationId as string;
    expect((await call('pia', 'GET', `/v1/collaborations/${id}`)).body.maxRowsPerParticipant).toBe(3);
    const joined = await call('pia', 'POST', `/v1/collaborations/${id}/participants`, {
      body: { resultPublicKey: resultPublicKey() },
    });
    expect(joined.status, joined.bodyText).toBe(201);
    const inputItems = async () => (await tableItems(system)).filter((item) => item.entity === 'INPUT');

    const declared = await call('pia', 'POST', `/v1/collaborations/${id}/inputs`, { body: declaration(4) });
    expectProblem(declared, 400, 'validation-error');
    expect(declared.body.errors).toEqual([
      { path: '/rowCount', message: "4 rows is over the collaboration's maxRowsPerParticipant of 3" },
    ]);
    expect(declared.body.detail).toContain('maxRowsPerParticipant of 3');

    const derived = await call('pia', 'POST', `/v1/collaborations/${id}/inputs`, {
      body: declaration(4, false),
    });
    expectProblem(derived, 400, 'validation-error');
    expect(derived.body.errors).toEqual([
      {
        path: '/shares/B/sizeBytes',
        message: "4 rows is over the collaboration's maxRowsPerParticipant of 3",
      },
    ]);
    expect(await inputItems()).toEqual([]);
    const participation = await call('pia', 'GET', `/v1/collaborations/${id}/participants/me`);
    expect(participation.body.status).toBe('READY_FOR_INPUT');
    expect(participation.body.input).toBeUndefined();

    // At the cap the input is issued.
    const issued = await call('pia', 'POST', `/v1/collaborations/${id}/inputs`, { body: declaration(3) });
    expect(issued.status, issued.bodyText).toBe(201);
    expect(await inputItems()).toHaveLength(1);
  });

  it('without a declared cap the system cap applies', async () => {
    const created = await call('olga', 'POST', '/v1/collaborations', { body: collaborationRequest() });
    expect(created.status, created.bodyText).toBe(201);
    expect(created.body.maxRowsPerParticipant).toBeUndefined();
    const id = created.body.collaborationId as string;
    await call('quin', 'POST', `/v1/collaborations/${id}/participants`, {
      body: { resultPublicKey: resultPublicKey() },
    });
    const issued = await call('quin', 'POST', `/v1/collaborations/${id}/inputs`, { body: declaration(1000) });
    expect(issued.status, issued.bodyText).toBe(201);
  });
});
