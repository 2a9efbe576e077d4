import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../client/cli/run-cli.ts';
import type { CollaborationDraft } from '../../../../lambdas/domain/collaboration.ts';
import { notComputable } from '../../../../lambdas/domain/collaboration-computability.ts';
import { problemResponse } from '../../../../lambdas/http/problem.ts';

/**
 * `mpc create` against a stand-in coordinator that refuses as the real one does: its body is the coordinator's
 * own not-computable refusal of the declaration the CLI sent.
 */
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/token') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ access_token: 'token', token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      const refusal = notComputable(JSON.parse(body) as CollaborationDraft);
      const answer = problemResponse(refusal!.kind, refusal!.message, 'req-create', refusal!.violations);
      response.writeHead(answer.statusCode!, answer.headers as Record<string, string>);
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));

describe('mpc create refused as not computable', () => {
  it('prints one line naming the field and what to declare, and exits 1', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      [
        'create',
        '--name',
        'n',
        '--field',
        'cost:fixed',
        '--analysis',
        'variance',
        '--min',
        '1',
        '--max',
        '3',
      ],
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env: {
          MPC_API_URL: origin,
          MPC_TOKEN_URL: `${origin}/token`,
          MPC_CLIENT_ID: 'owner',
          MPC_CLIENT_SECRET: 'secret',
        },
      },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^mpc: the servers could not compute this: field "cost": variance needs declared min and max .*declare bounds within ±[\d.e+]+ with 16 fractionalBits \[request req-create\]$/,
      ),
      '',
    ]);
  });
});
