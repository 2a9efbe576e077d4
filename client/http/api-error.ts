import { problemKindOf, type ProblemKind, type RuleViolation } from '../../contract/problems.ts';

/**
 * An error answer of the coordinator API (RFC 9457 problem details) or of a presigned S3 URL, as one typed
 * error. `type` is the stable identifier callers branch on; `requestId` is what to quote to the operator.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly requestId: string | undefined,
    /** The whole problem object, for extension members such as validation errors. */
    readonly problem: Readonly<Record<string, unknown>>,
  ) {
    super(`${title} (${status})${detail ? `: ${detail}` : ''}${requestId ? ` [request ${requestId}]` : ''}`);
    this.name = 'ApiError';
  }

  /** The catalogue kind the problem `type` names (undefined for S3, proxies and unknown types). */
  get kind(): ProblemKind | undefined {
    return problemKindOf(this.type);
  }

  /** The violated rules a validation-error or not-computable problem lists (its `errors` member). */
  get violations(): RuleViolation[] {
    const errors = this.problem.errors;
    if (!Array.isArray(errors)) return [];
    return errors.flatMap((entry: unknown) => {
      const { path, message } = (asObject(entry) ?? {}) as Partial<RuleViolation>;
      return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
    });
  }

  /** Reads the body of a failed response. Non-problem bodies (S3 XML, proxies' HTML) keep their first line. */
  static async fromResponse(response: Response): Promise<ApiError> {
    return ApiError.fromBody(response, await response.text().catch(() => ''));
  }

  /** For a body already read: its text, or what a client library parsed from it (object or text). */
  static fromBody(response: Response, body: unknown): ApiError {
    const headerRequestId = response.headers.get('x-request-id') ?? response.headers.get('x-amz-request-id');
    const problem = typeof body === 'string' ? parseObject(body) : asObject(body);
    if (problem) {
      return new ApiError(
        response.status,
        stringMember(problem, 'type') ?? 'about:blank',
        stringMember(problem, 'title') ?? (response.statusText || `HTTP ${response.status}`),
        stringMember(problem, 'detail'),
        stringMember(problem, 'requestId') ?? headerRequestId ?? undefined,
        problem,
      );
    }
    const text = typeof body === 'string' ? body : '';
    const firstLine = text.trim().split('\n', 1)[0]?.slice(0, 300);
    return new ApiError(
      response.status,
      'about:blank',
      response.statusText || `HTTP ${response.status}`,
      firstLine || undefined,
      headerRequestId ?? undefined,
      {},
    );
  }
}

/** Throws the response's `ApiError` unless it is 2xx; returns it untouched otherwise. */
export async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  throw await ApiError.fromResponse(response);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringMember(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}
