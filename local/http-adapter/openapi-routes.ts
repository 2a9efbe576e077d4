import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { apiOperationsOf, type OpenApiRoutesDocument } from '../../lib/api/openapi-operations.ts';

/** One route of the HTTP API, as API Gateway would build it from the OpenAPI document. */
export interface ApiRoute {
  method: string;
  pathTemplate: string;
  /** e.g. "POST /v1/collaborations/{collaborationId}/participants" */
  routeKey: string;
  operationId: string;
  /** False when the operation's effective security is empty (e.g. getHealth). */
  requiresAuth: boolean;
  /** OAuth scopes of the route; a token needs at least one of them. Empty means none required. */
  scopes: string[];
  segments: string[];
}

export interface RouteMatch {
  route: ApiRoute;
  pathParameters: Record<string, string>;
}

interface OpenApiDocument extends OpenApiRoutesDocument {
  components?: { securitySchemes?: Record<string, { type?: string; flows?: Record<string, unknown> }> };
}

export async function loadOpenApiDocument(path: string): Promise<OpenApiDocument> {
  return parse(await readFile(path, 'utf8')) as OpenApiDocument;
}

/** The deployed API's routes (lib/api's reading of the document), most specific first. */
export function routesFromOpenApi(document: OpenApiRoutesDocument): ApiRoute[] {
  return apiOperationsOf(document)
    .map((operation) => ({
      method: operation.method,
      pathTemplate: operation.path,
      routeKey: `${operation.method} ${operation.path}`,
      operationId: operation.operationId,
      requiresAuth: operation.requiresAuth,
      scopes: [...operation.scopes],
      segments: splitPath(operation.path),
    }))
    .sort(bySpecificity);
}

/** Every scope the document's OAuth2 security schemes declare: what the local issuer may grant. */
export function declaredOAuthScopes(document: OpenApiDocument): string[] {
  const scopes = new Set<string>();
  for (const scheme of Object.values(document.components?.securitySchemes ?? {})) {
    if (scheme.type !== 'oauth2') continue;
    for (const flow of Object.values(scheme.flows ?? {})) {
      for (const scope of Object.keys((flow as { scopes?: Record<string, string> }).scopes ?? {})) {
        scopes.add(scope);
      }
    }
  }
  return [...scopes];
}

/** Like API Gateway: literal segments win over `{parameter}` segments; otherwise no route (404). */
export function matchRoute(
  routes: readonly ApiRoute[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const segments = splitPath(path);
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const pathParameters = matchSegments(route.segments, segments);
    if (pathParameters) return { route, pathParameters };
  }
  return undefined;
}

function matchSegments(
  template: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (let index = 0; index < template.length; index++) {
    const expected = template[index] as string;
    const value = actual[index] as string;
    const name = /^\{([^}]+)\}$/.exec(expected)?.[1];
    if (name === undefined) {
      if (expected !== value) return undefined;
    } else {
      if (value.length === 0) return undefined;
      parameters[name] = safeDecode(value);
    }
  }
  return parameters;
}

function bySpecificity(left: ApiRoute, right: ApiRoute): number {
  const length = Math.min(left.segments.length, right.segments.length);
  for (let index = 0; index < length; index++) {
    const leftParam = (left.segments[index] as string).startsWith('{');
    const rightParam = (right.segments[index] as string).startsWith('{');
    if (leftParam !== rightParam) return leftParam ? 1 : -1;
  }
  return 0;
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
