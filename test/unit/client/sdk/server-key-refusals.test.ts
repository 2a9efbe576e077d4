import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../../contract/crypto/hpke.ts';
import type { Party } from '../../../../contract/party.ts';
import { ServerKeyMismatchError } from '../../../../client/sdk/server-key-pins.ts';
import { submitInput, type SubmitOptions } from '../../../../client/sdk/submit-input.ts';
import { trustOnFirstUseIn } from '../../../../client/sdk/trust-on-first-use.ts';
import { startFakeCoordinator } from '../support/fake-coordinator.ts';
import type { LoopbackServer, ReceivedRequest } from '../support/loopback-server.ts';

/**
 * A client refuses to seal unless both servers are pinned with different keys and the coordinator names
 * exactly those: each refusal happens before anything is sealed or uploaded, so the coordinator sees the two
 * reads (collaboration, participation) and no upload request, and no share leaves the machine.
 */
const collaborationId = 'c0ffee00-0000-4000-8000-000000000001';
const collaboration = {
  collaborationId,
  name: 'pins',
  description: '',
  ownerId: 'lab-1',
  analyses: [{ kind: 'count' }],
  inputSchema: { fields: [{ name: 'age', type: 'int', min: 0, max: 150 }] },
  minParticipants: 1,
  maxParticipants: 5,
  inputDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  resultRecipients: 'all-participants',
  inviteOnly: false,
  status: 'OPEN',
  participantCount: 1,
  completedInputCount: 0,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};

const servers: LoopbackServer[] = [];
const keys = {} as Record<Party | 'other', string>;
let home: string;

beforeAll(async () => {
  for (const name of ['A', 'B', 'other'] as const) keys[name] = (await generateKeyPair()).publicKey;
  home = await mkdtemp(join(tmpdir(), 'mpc-pins-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

/** A coordinator naming `offered` as the servers' keys; it records every request it gets. */
async function coordinatorOffering(offered: Record<Party, string>) {
  return startFakeCoordinator(servers, (request) => {
    if (request.method === 'GET' && request.url.endsWith(`/collaborations/${collaborationId}`))
      return [200, collaboration];
    if (request.method === 'GET' && request.url.endsWith('/participants/me'))
      return [
        200,
        {
          collaborationId,
          clientId: 'lab-1',
          status: 'READY_FOR_INPUT',
          joinedAt: new Date().toISOString(),
          computationServers: (['A', 'B'] as const).map((id) => ({
            id,
            publicKey: offered[id],
            kem: 'DHKEM-X25519-HKDF-SHA256',
            kdf: 'HKDF-SHA256',
            aead: 'AES-128-GCM',
          })),
        },
      ];
    // Anything else would be an upload step (createInput, complete): answered, and the test fails on it.
    return [500, { type: 'unexpected', title: `unexpected ${request.method} ${request.url}`, status: 500 }];
  });
}

const onlyReads = (requests: ReceivedRequest[]) => requests.map((r) => r.method);

async function expectRefused(
  offered: Record<Party, string>,
  options: SubmitOptions,
  message: RegExp,
): Promise<void> {
  const { client, apiRequests } = await coordinatorOffering(offered);
  const stages: string[] = [];
  await expect(
    submitInput(client, collaborationId, 'age\n30\n', {
      ...options,
      onProgress: (stage) => stages.push(stage),
    }),
  ).rejects.toSatisfy((error) => error instanceof ServerKeyMismatchError && message.test(error.message));
  expect(stages).toEqual([]); // not even shared: nothing was sealed
  expect(onlyReads(apiRequests)).toEqual(['GET', 'GET']); // no upload slot asked for, nothing uploaded
}

describe('a client pins both servers before it seals', () => {
  const offered = () => ({ A: keys.A, B: keys.B });

  it('refuses when no server is pinned, or only one', async () => {
    await expectRefused(offered(), {}, /computation server A and B/);
    await expectRefused(offered(), { pinnedServerKeys: { A: keys.A } }, /computation server B/);
  });

  it('refuses when the coordinator names another key than the pinned one', async () => {
    await expectRefused(
      { A: keys.A, B: keys.other },
      { pinnedServerKeys: offered() },
      /another public key for computation server B/,
    );
  });

  it("refuses A's key equal to B's, pinned or offered", async () => {
    await expectRefused(
      { A: keys.A, B: keys.A },
      { pinnedServerKeys: { A: keys.A, B: keys.A } },
      /are the same/,
    );
    const trustOnFirstUse = trustOnFirstUseIn(join(home, 'same'), () => undefined);
    await expectRefused({ A: keys.A, B: keys.A }, { trustOnFirstUse }, /are the same/);
  });

  it('trust on first use stores the first keys, then refuses and warns when a key changed', async () => {
    const warnings: string[] = [];
    const trustOnFirstUse = trustOnFirstUseIn(join(home, 'tofu'), (warning) => warnings.push(warning));
    // First use: stored (the upload then fails at this fake coordinator, which is beside the point).
    const { client } = await coordinatorOffering(offered());
    await expect(submitInput(client, collaborationId, 'age\n30\n', { trustOnFirstUse })).rejects.toThrow();
    expect(JSON.parse(await readFile(trustOnFirstUse.file, 'utf8'))).toEqual(offered());
    expect(warnings).toEqual([expect.stringMatching(/trusting the computation server keys .* on first use/)]);

    await expectRefused(
      { A: keys.A, B: keys.other },
      { trustOnFirstUse },
      /server B changed since first use/,
    );
    expect(warnings[1]).toMatch(/^WARNING: the public key of computation server B changed/);
  });
});
