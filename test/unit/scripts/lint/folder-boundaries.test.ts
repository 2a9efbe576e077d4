import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'folders/folder-boundaries')
    .map((message) => message.message);
}

describe('folder boundaries (eslint)', () => {
  it('refuses an import from the coordinator into the client', async () => {
    const messages = await boundaryMessages(
      'lambdas/adapters/webhooks/example.ts',
      "export { verifyWebhookRequest } from '../../../client/webhooks/verify.ts';\n",
    );
    expect(messages).toEqual([
      'lambdas/ may not import client/ (allowed: contract). Move what both need into contract/.',
    ]);
  });

  it('refuses any import out of contract/, dynamic ones too', async () => {
    const messages = await boundaryMessages(
      'contract/example.ts',
      "export const load = () => import('../mpc-servers/engine/ops.ts');\n",
    );
    expect(messages).toEqual([
      'contract/ may not import mpc-servers/ (allowed: no other folder). Move what both need into contract/.',
    ]);
  });

  it('resolves the specifier, so a path that stays inside the folder passes', async () => {
    expect(
      await boundaryMessages(
        'mpc-servers/server/example.ts',
        "import type { Party } from '../../contract/party.ts';\nimport { ring } from '../engine/ops.ts';\nexport type X = [Party, typeof ring];\n",
      ),
    ).toEqual([]);
  });

  it('lets lib/ import contract/ and workflow/ but not mpc-servers/', async () => {
    const messages = await boundaryMessages(
      'lib/constructs/example.ts',
      "import '../../workflow/definition.ts';\nimport '../../contract/party.ts';\nimport '../../mpc-servers/engine/ops.ts';\n",
    );
    expect(messages).toEqual([
      'lib/ may not import mpc-servers/ (allowed: contract, workflow). Move what both need into contract/.',
    ]);
  });

  it('leaves the local runtime and the tests free to import anything', async () => {
    expect(await boundaryMessages('local/example.ts', "import '../lambdas/handlers/registry.ts';\n")).toEqual(
      [],
    );
  });
});
