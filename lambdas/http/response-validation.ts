import type { ValidateFunction } from 'ajv';
import type { ResponseContract, SchemaCheck } from '../../contract/openapi/operation-contract.ts';
import { responseViolations, type ResponseToCheck } from './response-conformance.ts';
import { createSchemaAjv, describeOperations, type OperationDescription } from './openapi-schemas.ts';
import type { JsonSchema, OpenApiDocument } from '../../contract/openapi/openapi-types.ts';

export type { ResponseToCheck };

/**
 * Checks responses against a whole spec document, compiling its schemas with Ajv at run time: used by the
 * test suite on every answer. (The handlers check themselves with the precompiled contracts, see self-check.)
 */
export class ResponseValidator {
  readonly operations: OperationDescription[];
  private readonly ajv;
  private readonly compiled = new Map<JsonSchema, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = createSchemaAjv(document, { coerceTypes: false });
    this.operations = describeOperations(document);
  }

  /** Every way the response departs from the spec; empty when it conforms. */
  violations(operation: OperationDescription, response: ResponseToCheck): string[] {
    const responses: Record<string, ResponseContract> = {};
    for (const [status, declared] of Object.entries(operation.responses)) {
      responses[status] = {
        headers: Object.fromEntries(
          Object.entries(declared.headers).map(([name, header]) => [
            name,
            { required: header.required, check: this.check(header.schema) },
          ]),
        ),
        content: Object.fromEntries(
          Object.entries(declared.content).map(([mediaType, schema]) => [mediaType, this.check(schema)]),
        ),
      };
    }
    return responseViolations(operation.operationId, responses, response);
  }

  private check(schema: JsonSchema): SchemaCheck {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
