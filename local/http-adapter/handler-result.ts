export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/** Thrown when a handler returns something API Gateway would refuse (it answers 500 then). */
export class MalformedHandlerResultError extends Error {}

/**
 * Maps a handler's answer to HTTP as payload format 2.0 does: a structured result (with `statusCode`) is taken
 * as is; anything else valid as JSON becomes a 200 application/json body. `multiValueHeaders` do not exist in
 * 2.0 and are ignored; `cookies` become Set-Cookie headers.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (result === undefined) return jsonResponse('null');
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return jsonResponse(JSON.stringify(result));
  }
  const structured = result as {
    statusCode: unknown;
    headers?: unknown;
    cookies?: unknown;
    body?: unknown;
    isBase64Encoded?: unknown;
  };
  const statusCode = structured.statusCode;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    throw new MalformedHandlerResultError(`invalid statusCode ${String(statusCode)}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((structured.headers ?? {}) as Record<string, unknown>)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new MalformedHandlerResultError(`header ${name} is not a scalar`);
    }
    headers[name.toLowerCase()] = String(value);
  }
  const cookies = structured.cookies ?? [];
  if (!Array.isArray(cookies) || cookies.some((cookie) => typeof cookie !== 'string')) {
    throw new MalformedHandlerResultError('cookies must be an array of strings');
  }
  const rawBody = structured.body ?? '';
  if (typeof rawBody !== 'string') throw new MalformedHandlerResultError('body must be a string');
  const body = Buffer.from(rawBody, structured.isBase64Encoded === true ? 'base64' : 'utf8');
  return { statusCode, headers, cookies: cookies as string[], body };
}

function jsonResponse(body: string): HttpResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(body),
  };
}
