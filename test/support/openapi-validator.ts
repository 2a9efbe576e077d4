import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { OperationDescription } from '../../lambdas/http/openapi-schemas.ts';
import type { OpenApiDocument } from '../../contract/openapi/openapi-types.ts';
import { ResponseValidator } from '../../lambdas/http/response-validation.ts';

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
 * Checks real HTTP responses against openapi.yml itself (read from disk, not the bundled copy), finding the
 * operation by method and path.
 */
export class OpenApiValidator {
  private readonly validator: ResponseValidator;
  private readonly patterns: { operation: OperationDescription; pattern: RegExp }[];

  constructor(document: OpenApiDocument = parse(readFileSync(specPath, 'utf8')) as OpenApiDocument) {
    this.validator = new ResponseValidator(document);
    this.patterns = this.validator.operations.map((operation) => ({
      operation,
      pattern: new RegExp(`^${operation.pathTemplate.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  operationFor(method: string, path: string): OperationDescription | undefined {
    return this.patterns.find(
      ({ operation, pattern }) => operation.method === method.toUpperCase() && pattern.test(path),
    )?.operation;
  }

  /** Every way the response departs from the spec; empty when it conforms. */
  violations(response: ObservedResponse): string[] {
    const operation = this.operationFor(response.method, response.path);
    if (!operation) return [`no operation for ${response.method} ${response.path}`];
    return this.validator.violations(operation, {
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      bodyText: response.bodyText,
    });
  }
}
