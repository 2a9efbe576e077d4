import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { RouteMatch } from './openapi-routes.ts';

/** What the adapter knows about one HTTP request, independent of node:http. */
export interface HttpRequestSnapshot {
  method: string;
  /** Request target as received: path plus optional `?query`. */
  url: string;
  /** "1.1" as node:http reports it. */
  httpVersion: string;
  /** node:http's rawHeaders: alternating names and values, duplicates kept. */
  rawHeaders: readonly string[];
  sourceIp: string;
  /** The port the request arrived on (API Gateway reports it in x-forwarded-port). */
  localPort: number;
  body: Buffer;
}

export interface EventContext {
  requestId: string;
  accountId: string;
  apiId: string;
  now: Date;
  jwt?: { claims: Record<string, string>; scopes: string[] | null };
}

/**
 * Builds the HTTP API payload format 2.0 event, field for field as API Gateway documents it: duplicate headers
 * and query parameters comma-joined, cookies moved out of the headers into `cookies`, optional fields absent
 * rather than empty, and non-text bodies base64-encoded.
 */
export function buildHttpApiEvent(
  request: HttpRequestSnapshot,
  match: RouteMatch,
  context: EventContext,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart < 0 ? '' : request.url.slice(queryStart + 1);
  const { headers, cookies } = collectHeaders(request.rawHeaders);
  addGatewayHeaders(headers, request, context.now);
  const domainName = headers.host ?? 'localhost';
  const queryStringParameters = parseQueryString(rawQueryString);
  const binary = request.body.length > 0 && !isTextContentType(headers['content-type']);
  const event = {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      ...(context.jwt ? { authorizer: { jwt: context.jwt } } : {}),
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: match.route.routeKey,
      stage: '$default',
      time: formatRequestTime(context.now),
      timeEpoch: context.now.getTime(),
    },
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
    ...(request.body.length > 0 ? { body: request.body.toString(binary ? 'base64' : 'utf8') } : {}),
    isBase64Encoded: binary,
  };
  // AWS sends only `jwt` in the authorizer and none on routes without auth; the @types declare more.
  return event as APIGatewayProxyEventV2WithJWTAuthorizer;
}

function collectHeaders(rawHeaders: readonly string[]): {
  headers: Record<string, string>;
  cookies: string[];
} {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] as string).toLowerCase();
    const value = rawHeaders[index + 1] as string;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter((cookie) => cookie.length > 0),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

/** Headers API Gateway adds before the integration sees the request. */
function addGatewayHeaders(headers: Record<string, string>, request: HttpRequestSnapshot, now: Date): void {
  const forwardedFor = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-port'] = String(request.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= traceId(now);
}

/** X-Ray's format: Root=1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>. */
function traceId(now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `Root=1-${seconds}-${randomBytes(12).toString('hex')}`;
}

function parseQueryString(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString.length === 0) return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}

const TEXT_MEDIA_TYPE = /^(text\/.*|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded))$/;

export function isTextContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType !== undefined && TEXT_MEDIA_TYPE.test(mediaType);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `requestContext.time`, e.g. "12/Mar/2020:19:03:58 +0000". */
export function formatRequestTime(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
