import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDealerKeys } from '../../../mpc-servers/keys/dealer-keys.ts';
import { parseServerKeys } from '../../../mpc-servers/keys/server-keys.ts';

/**
 * `npm run keys:rotate -- --party P` makes and writes ONE party's keys: against a stand-in Secrets Manager
 * endpoint it sends exactly one PutSecretValue, to that party's secret, and prints only public values.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const writes: { target: string; body: { SecretId: string; SecretString: string } }[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const parsed = JSON.parse(body) as { SecretId: string; SecretString: string };
      writes.push({ target: String(request.headers['x-amz-target']), body: parsed });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(
        JSON.stringify({
          ARN: `arn:aws:secretsmanager:eu-west-1:1:secret:${parsed.SecretId}`,
          Name: parsed.SecretId,
          VersionId: 'v2',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function rotate(party: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'deploy/rotate-server-keys.ts', '--environment', 'test', '--party', party],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          AWS_ENDPOINT_URL: endpoint,
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('keys:rotate', () => {
  it("--party B writes only B's secret and prints only B's public config", async () => {
    writes.length = 0;
    const run = await rotate('B');
    expect(run.code, run.stderr).toBe(0);
    expect(writes.map((write) => [write.target, write.body.SecretId])).toEqual([
      ['secretsmanager.PutSecretValue', 'mpc-test-serverB/key'],
    ]);
    const keys = parseServerKeys(writes[0]!.body.SecretString, 'the written secret');
    const printed = JSON.parse(run.stdout) as { id: string; publicKey: string; tlsFingerprint: string }[];
    expect(printed).toEqual([
      expect.objectContaining({
        id: 'B',
        publicKey: keys.hpkePublicKey,
        tlsFingerprint: keys.tlsFingerprint,
      }),
    ]);
    expect(run.stdout).not.toContain(writes[0]!.body.SecretString.slice(30, 60));
  }, 60_000);

  it("--party dealer writes only the dealer's secret; a bad party writes nothing", async () => {
    writes.length = 0;
    const run = await rotate('dealer');
    expect(run.code, run.stderr).toBe(0);
    expect(writes.map((write) => write.body.SecretId)).toEqual(['mpc-test-dealer/key']);
    const keys = parseDealerKeys(writes[0]!.body.SecretString, 'the written secret');
    expect(JSON.parse(run.stdout)).toEqual({ id: 'dealer', publicKey: keys.hpkePublicKey });

    writes.length = 0;
    const bad = await rotate('AB');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--party A|B|dealer');
    expect(writes).toEqual([]);
  }, 60_000);
});
