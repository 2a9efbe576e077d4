import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_ROWS } from '../../../contract/input/input-limits.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { apiClient, expectProblem } from './support/api-client.ts';
import { tableItems } from './support/table-items.ts';
import { collaborationRequest } from './support/fixtures.ts';

let system: LocalSystem;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  process.env.MPC_VALIDATE_RESPONSES = 'true';
  system = await startLocalSystem();
  call = apiClient(system);
});
afterAll(async () => system?.stop());

const unboundedVariance = collaborationRequest({
  analyses: [{ kind: 'count' }, { kind: 'variance', field: 'cost' }],
  inputSchema: { fields: [{ name: 'cost', type: 'fixed', fractionalBits: 8 }] },
});
const overflowingVariance = collaborationRequest({
  analyses: [{ kind: 'variance', field: 'weight' }],
  inputSchema: { fields: [{ name: 'weight', type: 'fixed', fractionalBits: 30, min: 0, max: 1e9 }] },
  maxParticipants: 10,
});

describe('createCollaboration refuses what the computation servers could not compute', () => {
  it('a variance over a field without bounds: 400 not-computable naming the field and the bounds to declare', async () => {
    const answer = await call('owner', 'POST', '/v1/collaborations', {
      body: unboundedVariance,
      headers: { 'idempotency-key': 'unbounded-variance' },
    });
    expectProblem(answer, 400, 'not-computable');
    expect(answer.body.detail).toMatch(/field "cost": variance needs declared min and max/);
    expect(answer.body.errors).toEqual([
      {
        path: '/inputSchema/fields/0',
        message: expect.stringMatching(/^field "cost": .*declare bounds within ±/),
      },
    ]);
  });

  it('a variance that would overflow: 400 not-computable naming the field, fewer fractional bits and bounds', async () => {
    const answer = await call('owner', 'POST', '/v1/collaborations', { body: overflowingVariance });
    expectProblem(answer, 400, 'not-computable');
    expect(answer.body.detail).toContain(`up to 10 participants of at most ${MAX_INPUT_ROWS} rows each`);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors[0].path).toBe('/inputSchema/fields/0');
    expect(answer.body.errors[0].message).toMatch(
      /^field "weight": variance would overflow 128 bits .*declare narrower bounds within ±[\d.]+, at most \d+ fractionalBits or maxRowsPerParticipant at most 29$/,
    );
  });

  it('stores nothing: no collaboration, no idempotency record; the same key is refused again, not replayed', async () => {
    expect(await tableItems(system)).toEqual([]);
    const listed = await call('owner', 'GET', '/v1/collaborations?role=owner');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    const again = await call('owner', 'POST', '/v1/collaborations', {
      body: unboundedVariance,
      headers: { 'idempotency-key': 'unbounded-variance' },
    });
    expectProblem(again, 400, 'not-computable');
    expect(await tableItems(system)).toEqual([]);
  });

  it('the declared fix is accepted: bounds on the unbounded variance, fewer fractional bits on the variance', async () => {
    const bounded = await call('owner', 'POST', '/v1/collaborations', {
      body: collaborationRequest({
        ...unboundedVariance,
        inputSchema: { fields: [{ name: 'cost', type: 'fixed', fractionalBits: 8, min: 0, max: 100000 }] },
      }),
    });
    expect(bounded.status, bounded.bodyText).toBe(201);
    const coarser = await call('owner', 'POST', '/v1/collaborations', {
      body: collaborationRequest({
        ...overflowingVariance,
        inputSchema: { fields: [{ name: 'weight', type: 'fixed', fractionalBits: 0, min: 0, max: 1e9 }] },
      }),
    });
    expect(coarser.status, coarser.bodyText).toBe(201);
  });

  it('the check assumes maxParticipants times the declared row cap: the advised cap is accepted, one more refused', async () => {
    const capped = await call('owner', 'POST', '/v1/collaborations', {
      body: collaborationRequest({ ...overflowingVariance, maxRowsPerParticipant: 29 }),
    });
    expect(capped.status, capped.bodyText).toBe(201);
    expect(capped.body.maxRowsPerParticipant).toBe(29);
    const over = await call('owner', 'POST', '/v1/collaborations', {
      body: collaborationRequest({ ...overflowingVariance, maxRowsPerParticipant: 30 }),
    });
    expectProblem(over, 400, 'not-computable');
    expect(over.body.detail).toContain('up to 10 participants of at most 30 rows each');
  });
});
