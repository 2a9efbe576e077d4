import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  declaredOAuthScopes,
  loadOpenApiDocument,
  matchRoute,
  routesFromOpenApi,
  type ApiRoute,
} from '../../../../local/http-adapter/openapi-routes.ts';

const fixture = join(import.meta.dirname, 'fixtures/mini-openapi.yml');

describe('routes from openapi.yml', () => {
  let routes: ApiRoute[];
  let scopes: string[];
  beforeAll(async () => {
    const document = await loadOpenApiDocument(fixture);
    routes = routesFromOpenApi(document);
    scopes = declaredOAuthScopes(document);
  });

  it('builds one route per operation with its route key', () => {
    expect(routes.map((route) => route.routeKey).sort()).toEqual([
      'DELETE /v1/admin',
      'GET /v1/health',
      'GET /v1/things/mine',
      'GET /v1/things/{thingId}',
      'POST /v1/things',
    ]);
  });

  it('takes security from the operation, else from the document', () => {
    const byOperation = Object.fromEntries(routes.map((route) => [route.operationId, route]));
    expect(byOperation.getHealth).toMatchObject({ requiresAuth: false, scopes: [] });
    expect(byOperation.createThing).toMatchObject({ requiresAuth: true, scopes: [] });
    expect(byOperation.adminOnly).toMatchObject({ requiresAuth: true, scopes: ['mpc/admin'] });
    expect(scopes).toEqual(['mpc/api', 'mpc/admin']);
  });

  it('prefers a literal segment over a path parameter, whatever the document order', () => {
    expect(matchRoute(routes, 'GET', '/v1/things/mine')?.route.operationId).toBe('listMyThings');
    expect(matchRoute(routes, 'GET', '/v1/things/t-9')).toMatchObject({
      route: { operationId: 'getThing' },
      pathParameters: { thingId: 't-9' },
    });
  });

  it('matches nothing for other methods, extra segments or empty parameters', () => {
    expect(matchRoute(routes, 'DELETE', '/v1/things/t-9')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/v1/things/t-9/more')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/v1/things/')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/v2/health')).toBeUndefined();
  });

  it('refuses an operation without operationId', () => {
    expect(() => routesFromOpenApi({ paths: { '/x': { get: {} } } })).toThrow(/operationId/);
  });
});
