import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

/**
 * Bundled Lambdas cannot read openapi.yml at run time, so the spec is compiled into a TypeScript module.
 * `npm run openapi:generate` rewrites it; a unit test fails when it is stale.
 */
const root = resolve(fileURLToPath(import.meta.url), '../..');
export const SPEC_PATH = resolve(root, 'openapi.yml');
export const GENERATED_PATH = resolve(root, 'contract/generated/openapi-document.generated.ts');

export async function renderOpenApiDocument(): Promise<string> {
  const document: unknown = parse(await readFile(SPEC_PATH, 'utf8'));
  const source = [
    '// Generated from openapi.yml by scripts/generate-openapi-document.ts (npm run openapi:generate). Do not edit.',
    "import type { OpenApiDocument } from '../openapi/openapi-types.ts';",
    '',
    `export const openapiDocument: OpenApiDocument = ${JSON.stringify(document)};`,
    '',
  ].join('\n');
  const options = (await resolveConfig(GENERATED_PATH)) ?? {};
  return format(source, { ...options, filepath: GENERATED_PATH });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(GENERATED_PATH, await renderOpenApiDocument());
  console.log(`Wrote ${GENERATED_PATH}`);
  // The operations' precompiled checks come from the same spec (imported here, not above: it imports us).
  const { writeOperationContracts } = await import('./generate-operation-contracts.ts');
  await writeOperationContracts();
}
