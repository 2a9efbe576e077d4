import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import {
  createSchemaAjv,
  describeOperations,
  type OperationDescription,
} from '../../lambdas/http/openapi-schemas.ts';
import type { JsonSchema, OpenApiDocument } from '../../lambdas/http/openapi-types.ts';

const specPath = join(resolve(fileURLToPath(import.meta.url), '../../..'), 'openapi.yml');

export interface ObservedResponse {
  method: string;
  /** The request path, without query string. */
  path: string;
  status: number;
  headers: Headers;
  /** The raw body text ('' when empty). */
  bodyText: string;
}

/**
 * Checks real responses against openapi.yml itself (read from disk, not the bundled copy): the operation is
 * found by method and path, the status must be declared (or covered by `default`), the media type must be
 * one the status declares, the body must match its schema and every required header must be present.
 */
export class OpenApiValidator {
  private readonly operations: (OperationDescription & { pattern: RegExp })[];
  private readonly ajv;
  private readonly compiled = new Map<JsonSchema, ValidateFunction>();

  constructor(document: OpenApiDocument = parse(readFileSync(specPath, 'utf8')) as OpenApiDocument) {
    this.ajv = createSchemaAjv(document, { coerceTypes: false });
    this.operations = describeOperations(document).map((operation) => ({
      ...operation,
      pattern: new RegExp(`^${operation.pathTemplate.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  operationFor(method: string, path: string): OperationDescription | undefined {
    return this.operations.find(
      (operation) => operation.method === method.toUpperCase() && operation.pattern.test(path),
    );
  }

  /** Every way the response departs from the spec; empty when it conforms. */
  violations(response: ObservedResponse): string[] {
    const operation = this.operationFor(response.method, response.path);
    if (!operation) return [`no operation for ${response.method} ${response.path}`];
    const declared = operation.responses[String(response.status)] ?? operation.responses.default;
    const where = `${operation.operationId} ${response.status}`;
    if (!declared) return [`${where}: status not declared`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries(declared.headers)) {
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`${where}: header ${name} missing`);
        continue;
      }
      if (!this.validator(header.schema)(value)) problems.push(`${where}: header ${name}=${value} invalid`);
    }
    const mediaTypes = Object.keys(declared.content);
    if (mediaTypes.length === 0) {
      if (response.bodyText !== '') problems.push(`${where}: body not declared`);
      return problems;
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
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
