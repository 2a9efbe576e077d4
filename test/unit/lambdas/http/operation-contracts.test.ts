import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../../contract/generated/openapi-document.generated.ts';
import {
  createSchemaAjv,
  describeOperations,
  parameterSchema,
} from '../../../../lambdas/http/openapi-schemas.ts';
import type {
  OperationContract,
  ResponseContracts,
  SchemaCheck,
} from '../../../../contract/openapi/operation-contract.ts';
import * as contracts from '../../../../contract/generated/operation-contracts.generated.ts';
import { OPERATION_IDS } from '../../../../contract/openapi/operation-ids.ts';
import * as responseContracts from '../../../../contract/generated/response-contracts.generated.ts';
import { renderOperationContracts } from '../../../../scripts/generate-operation-contracts.ts';
import { arbitraryFor } from '../../../integration/api/support/schema-arbitrary.ts';

const operations = describeOperations(openapiDocument);
const contractOf = (operationId: string): OperationContract =>
  (contracts as Record<string, OperationContract>)[operationId] as OperationContract;
const responsesOf = (operationId: string): ResponseContracts =>
  (responseContracts as Record<string, ResponseContracts>)[operationId] as ResponseContracts;
/** The reference: Ajv compiling the spec at run time (JSON Schema 2020-12), as before precompilation. */
const bodyAjv = createSchemaAjv(openapiDocument, { coerceTypes: false });
const parameterAjv = createSchemaAjv(openapiDocument, { coerceTypes: true });
const schemas = openapiDocument.components.schemas;

/** What a check says about a value: the verdict, the errors as the HTTP layer reads them, the coerced value. */
function verdict(check: SchemaCheck, value: unknown) {
  const copy = structuredClone(value);
  const valid = check(copy);
  const errors = (check.errors ?? []).map(({ instancePath, keyword, params, message }: ErrorObject) => ({
    instancePath,
    keyword,
    params,
    message,
  }));
  return { valid, errors: valid ? [] : errors, coerced: copy };
}

describe('precompiled operation contracts', () => {
  it('are generated from the current openapi.yml (run npm run openapi:generate)', async () => {
    for (const [path, source] of await renderOperationContracts())
      expect(await readFile(path, 'utf8'), path).toBe(source);
  });

  it('exist for every operation, with its auth and body requirements', () => {
    expect(operations.map((operation) => operation.operationId).sort()).toEqual([...OPERATION_IDS].sort());
    for (const operation of operations) {
      const contract = contractOf(operation.operationId);
      expect(contract.operationId).toBe(operation.operationId);
      expect(contract.requiresAuth).toBe(operation.requiresAuth);
      expect(contract.requestBody?.required).toBe(operation.requestBody?.required);
      expect(Object.keys(responsesOf(operation.operationId))).toEqual(Object.keys(operation.responses));
    }
  });

  it('judge bodies exactly as the run-time Ajv does: verdict, errors and messages', () => {
    for (const operation of operations.filter((candidate) => candidate.requestBody)) {
      const schema = operation.requestBody?.schema ?? {};
      const reference = bodyAjv.compile(schema);
      const check = contractOf(operation.operationId).requestBody?.check as SchemaCheck;
      let invalid = 0;
      const bodies = fc.oneof(arbitraryFor(schema, schemas, 0), arbitraryFor(schema, schemas, 3));
      fc.assert(
        fc.property(bodies, (body) => {
          const expected = verdict(reference, body);
          if (!expected.valid) invalid++;
          expect(verdict(check, body)).toEqual(expected);
        }),
        { numRuns: 300 },
      );
      // The generated bodies reach both sides of the contract, so the comparison covers the errors too.
      expect(invalid, operation.operationId).toBeGreaterThan(0);
      expect(invalid, operation.operationId).toBeLessThan(300);
    }
  });

  it('judge and coerce parameters exactly as the run-time Ajv does', () => {
    for (const operation of operations) {
      const reference = parameterAjv.compile(parameterSchema(operation));
      const check = contractOf(operation.operationId).parameters;
      const strings = (where: string) =>
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              ...operation.parameters
                .filter((parameter) => parameter.in === where)
                .map((parameter) => (where === 'header' ? parameter.name.toLowerCase() : parameter.name)),
              'unexpected',
            ),
          ),
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.uuid().map(String),
            fc.integer({ min: -5, max: 500 }).map(String),
            fc.constantFrom('OPEN', 'owner', 'mean', 'true'),
          ),
          { maxKeys: 4 },
        );
      fc.assert(
        fc.property(
          fc.record({ path: strings('path'), query: strings('query'), headers: strings('header') }),
          (raw) => {
            expect(verdict(check, raw)).toEqual(verdict(reference, raw));
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it('judge every declared response body as the run-time Ajv does', () => {
    for (const operation of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, schema] of Object.entries(response.content)) {
          const reference = bodyAjv.compile(schema);
          const check = responsesOf(operation.operationId)[status]?.content[mediaType] as SchemaCheck;
          fc.assert(
            fc.property(arbitraryFor(schema, schemas, 2), (body) => {
              expect(verdict(check, body)).toEqual(verdict(reference, body));
            }),
            { numRuns: 40 },
          );
        }
      }
    }
  });
});
