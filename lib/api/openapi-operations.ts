import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One HTTP operation of the contract, as API Gateway needs it for a route. */
export interface ApiOperation {
  readonly operationId: string;
  readonly method: HttpMethodName;
  /** OpenAPI path template; API Gateway HTTP APIs use the same `{param}` syntax. */
  readonly path: string;
  /** False when the operation declares `security: []` (public, e.g. the health check). */
  readonly requiresAuth: boolean;
  /** OAuth2 scopes the operation declares for its first security requirement. */
  readonly scopes: readonly string[];
}

export type HttpMethodName = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

const METHODS: readonly HttpMethodName[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

type SecurityRequirements = Array<Record<string, string[]>>;

/** The parts of an OpenAPI document that routes are made of. */
export interface OpenApiRoutesDocument {
  security?: SecurityRequirements;
  paths?: Record<string, Record<string, unknown>>;
}

interface OperationObject {
  operationId?: string;
  security?: SecurityRequirements;
}

/** Reads the operations of `openapi.yml`: routes and functions are generated from it, never listed by hand. */
export function readApiOperations(specFile: string): ApiOperation[] {
  return apiOperationsOf(parse(readFileSync(specFile, 'utf8')) as OpenApiRoutesDocument, specFile);
}

/** The operations of a parsed document; the local API adapter routes with these too, as API Gateway would. */
export function apiOperationsOf(
  document: OpenApiRoutesDocument,
  source = 'the OpenAPI document',
): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method.toLowerCase()] as OperationObject | undefined;
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method} ${path} in ${source} has no operationId`);
      const security = operation.security ?? document.security ?? [];
      operations.push({
        operationId: operation.operationId,
        method,
        path,
        requiresAuth: security.length > 0,
        scopes: Object.values(security[0] ?? {})[0] ?? [],
      });
    }
  }
  return operations;
}
