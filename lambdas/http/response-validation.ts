import type { ValidateFunction } from 'ajv';
import { createSchemaAjv, describeOperations, type OperationDescription } from './openapi-schemas.ts';
import type { JsonSchema, OpenApiDocument } from './openapi-types.ts';

export interface ResponseToCheck {
  status: number;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
  /** The raw body text ('' when empty). */
  bodyText: string;
}

/**
 * Checks responses against the spec: the status must be declared (or covered by `default`), the media type
 * one the status declares, the body must match its schema and every required header must be present. Used by
 * the test suite on every answer and, with MPC_VALIDATE_RESPONSES=true, by the handlers themselves.
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
    const declared = operation.responses[String(response.status)] ?? operation.responses.default;
    const where = `${operation.operationId} ${response.status}`;
    if (!declared) return [`${where}: status not declared`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries(declared.headers)) {
      const value = response.header(name);
      if (value === undefined) {
        if (header.required) problems.push(`${where}: header ${name} missing`);
      } else if (!this.validator(header.schema)(value)) {
        problems.push(`${where}: header ${name}=${value} invalid`);
      }
    }
    const mediaTypes = Object.keys(declared.content);
    if (mediaTypes.length === 0)
      return response.bodyText === '' ? problems : [...problems, `${where}: body not declared`];
    const contentType = (response.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const schema = declared.content[contentType];
    if (!schema)
      return [...problems, `${where}: content-type ${contentType} not among ${mediaTypes.join(', ')}`];
    let body: unknown;
    try {
      body = JSON.parse(response.bodyText);
    } catch {
      return [...problems, `${where}: body is not JSON`];
    }
    const validate = this.validator(schema);
    if (!validate(body)) problems.push(`${where}: body ${this.ajv.errorsText(validate.errors)}`);
    return problems;
  }

  private validator(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
