import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import {
  createSchemaAjv,
  describeOperations,
  parameterSchema,
  type OperationDescription,
} from '../lambdas/http/openapi-schemas.ts';
import type { JsonSchema, OpenApiDocument } from '../contract/openapi/openapi-types.ts';

/**
 * The operations' request and response checks, compiled by Ajv at generation time (standalone code), so the
 * Lambda bundles carry neither the Ajv compiler nor the whole spec: each handler imports its own operation's
 * contract and esbuild leaves the others out. `npm run openapi:generate` rewrites the four modules (with
 * the spec document); a unit
 * test fails when they are stale.
 */
const standaloneCode = standaloneCodeModule.default;
const root = resolve(fileURLToPath(import.meta.url), '../..');
// Not imported from generate-openapi-document.ts: that script imports this one while its top-level await runs.
const SPEC_PATH = resolve(root, 'openapi.yml');
const httpDirectory = resolve(root, 'contract/generated');
export const PARAMETER_CHECKS_PATH = resolve(httpDirectory, 'parameter-checks.generated.ts');
export const SCHEMA_CHECKS_PATH = resolve(httpDirectory, 'schema-checks.generated.ts');
export const CONTRACTS_PATH = resolve(httpDirectory, 'operation-contracts.generated.ts');
export const RESPONSE_CONTRACTS_PATH = resolve(httpDirectory, 'response-contracts.generated.ts');

const GENERATED_NOTE =
  '// Generated from openapi.yml by scripts/generate-operation-contracts.ts (npm run openapi:generate). Do not edit.';
/** Ajv's generated JavaScript is not written for the type checker; the contracts module types its exports. */
const CHECKS_HEADER = [
  GENERATED_NOTE,
  '/* eslint-disable */',
  '// @ts-nocheck',
  // CommonJS modules: Node and esbuild give module.exports as the default import, vitest gives its `default`.
  'const commonJs = (module) => module.default ?? module;',
  "import formatsModule from 'ajv-formats/dist/formats.js';",
  'const formats = commonJs(formatsModule).fullFormats;',
].join('\n');

/** Compiles the named schemas of one Ajv configuration into one module of exported checks. */
function checksModule(
  document: OpenApiDocument,
  coerceTypes: boolean,
  schemas: Map<string, JsonSchema>,
): string {
  const ajv = createSchemaAjv(document, { coerceTypes, standalone: { formats: _`formats` } });
  const exports: Record<string, string> = {};
  for (const [name, schema] of schemas) {
    const id = `urn:check:${name}`;
    ajv.addSchema({ ...schema, $id: id });
    exports[name] = id;
  }
  return `${CHECKS_HEADER}\n${esmImports(standaloneCode(ajv, exports))}\n`;
}

/** Ajv's ESM output still `require`s its small runtime helpers; the modules must load as plain ESM. */
function esmImports(code: string): string {
  return code.replace(
    /const (\w+) = require\("([^"]+)"\)\.default;/g,
    (_match, name: string, module: string) =>
      `import ${name}Module from "${module}.js"; const ${name} = commonJs(${name}Module);`,
  );
}

interface Named {
  /** Export name in the schema checks module, by the schema's JSON (equal schemas share one check). */
  byJson: Map<string, string>;
  schemas: Map<string, JsonSchema>;
}

function nameOf(named: Named, schema: JsonSchema): string {
  const json = JSON.stringify(schema);
  let name = named.byJson.get(json);
  if (!name) {
    name = `check${named.schemas.size}`;
    named.byJson.set(json, name);
    named.schemas.set(name, schema);
  }
  return name;
}

function contractSource(operation: OperationDescription, named: Named): string {
  const body = operation.requestBody
    ? `requestBody: { required: ${operation.requestBody.required}, check: schemas.${nameOf(named, operation.requestBody.schema)} },`
    : '';
  return [
    `export const ${operation.operationId}: OperationContract = {`,
    `operationId: ${JSON.stringify(operation.operationId)},`,
    `requiresAuth: ${operation.requiresAuth},`,
    `parameters: parameters.${operation.operationId},`,
    body,
    '};',
  ].join('\n');
}

function responseContractsSource(operation: OperationDescription, named: Named): string {
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const headers = Object.entries(response.headers).map(
      ([name, header]) =>
        `${JSON.stringify(name)}: { required: ${header.required}, check: schemas.${nameOf(named, header.schema)} }`,
    );
    const content = Object.entries(response.content).map(
      ([mediaType, schema]) => `${JSON.stringify(mediaType)}: schemas.${nameOf(named, schema)}`,
    );
    return `${JSON.stringify(status)}: { headers: { ${headers.join(', ')} }, content: { ${content.join(', ')} } }`;
  });
  return `export const ${operation.operationId}: ResponseContracts = { ${responses.join(', ')} };`;
}

function moduleSource(imports: string[], declarations: string[]): string {
  return [GENERATED_NOTE, ...imports, '', ...declarations, ''].join('\n');
}

/** The four generated modules' sources, formatted, by path. */
export async function renderOperationContracts(): Promise<Map<string, string>> {
  const document = parse(await readFile(SPEC_PATH, 'utf8')) as OpenApiDocument;
  const operations = describeOperations(document);
  const named: Named = { byJson: new Map(), schemas: new Map() };
  const contractsModule = moduleSource(
    [
      "import type { OperationContract } from '../openapi/operation-contract.ts';",
      "import * as parameters from './parameter-checks.generated.ts';",
      "import * as schemas from './schema-checks.generated.ts';",
    ],
    operations.map((operation) => contractSource(operation, named)),
  );
  const responseContractsModule = moduleSource(
    [
      "import type { ResponseContracts } from '../openapi/operation-contract.ts';",
      "import * as schemas from './schema-checks.generated.ts';",
    ],
    operations.map((operation) => responseContractsSource(operation, named)),
  );
  const sources = new Map([
    [
      PARAMETER_CHECKS_PATH,
      checksModule(
        document,
        true,
        new Map(operations.map((operation) => [operation.operationId, parameterSchema(operation)])),
      ),
    ],
    [SCHEMA_CHECKS_PATH, checksModule(document, false, named.schemas)],
    [CONTRACTS_PATH, contractsModule],
    [RESPONSE_CONTRACTS_PATH, responseContractsModule],
  ]);
  const formatted = new Map<string, string>();
  for (const [path, source] of sources) {
    const options = (await resolveConfig(path)) ?? {};
    formatted.set(path, await format(source, { ...options, filepath: path }));
  }
  return formatted;
}

export async function writeOperationContracts(): Promise<void> {
  for (const [path, source] of await renderOperationContracts()) {
    await writeFile(path, source);
    console.log(`Wrote ${path}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await writeOperationContracts();
