import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

/**
 * Generates the SDK's types from the API contract: `npm run client:generate`. A unit test re-renders and
 * compares, so the committed file cannot drift from `openapi.yml`.
 */
export const SPEC_URL = new URL('../openapi.yml', import.meta.url);
export const GENERATED_TYPES_URL = new URL('../contract/generated/api-types.generated.ts', import.meta.url);

const HEADER = `/**
 * Generated from openapi.yml by \`npm run client:generate\` (openapi-typescript). Do not edit by hand.
 */
`;

export async function renderApiTypes(specUrl: URL = SPEC_URL): Promise<string> {
  // Properties with a default stay optional: callers may leave them out (e.g. a field's fractionalBits).
  const ast = await openapiTS(specUrl, { alphabetize: true, defaultNonNullable: false });
  const source = `${HEADER}\n${astToString(ast)}`;
  const outputPath = fileURLToPath(GENERATED_TYPES_URL);
  const config = (await prettier.resolveConfig(outputPath)) ?? {};
  return prettier.format(source, { ...config, filepath: outputPath });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(GENERATED_TYPES_URL, await renderApiTypes());
  console.log(`wrote ${fileURLToPath(GENERATED_TYPES_URL)}`);
}
