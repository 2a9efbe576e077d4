import type { SignatureV4 } from '@smithy/signature-v4';
import { DEFAULT_MAX_ATTEMPTS, isTransient, withRetries } from './aws-retries.ts';
import {
  awsEndpoint,
  awsRegion,
  fetchHeaders,
  sha256Hex,
  signatureV4,
  type StaticCredentials,
} from './aws-signature.ts';

/*
 * Calls to an AWS JSON 1.0/1.1 protocol service (Step Functions, EventBridge), signed with SigV4 and sent
 * with the runtime's fetch, instead of the service's SDK client (~20 KB of bundle each plus protocol code).
 * Errors surface with the service's error name, as SDK exceptions do; throttling, 5xx answers and network
 * errors are retried with backoff like the SDK's standard retry mode.
 */

export interface AwsJsonService {
  /** SigV4 signing name, e.g. `states`. */
  signingName: string;
  /** Host prefix of the regional endpoint, e.g. `states`. */
  endpointPrefix: string;
  /** The service's suffix of AWS_ENDPOINT_URL_<ID>, e.g. `SFN`. */
  serviceEnvironmentId: string;
  /** `X-Amz-Target` prefix, e.g. `AWSStepFunctions`. */
  targetPrefix: string;
  jsonVersion: '1.0' | '1.1';
}

export const STEP_FUNCTIONS: AwsJsonService = {
  signingName: 'states',
  endpointPrefix: 'states',
  serviceEnvironmentId: 'SFN',
  targetPrefix: 'AWSStepFunctions',
  jsonVersion: '1.0',
};

export const EVENTBRIDGE: AwsJsonService = {
  signingName: 'events',
  endpointPrefix: 'events',
  serviceEnvironmentId: 'EVENTBRIDGE',
  targetPrefix: 'AWSEvents',
  jsonVersion: '1.1',
};

export interface AwsJsonRequestsOptions {
  endpoint?: string;
  region?: string;
  credentials?: StaticCredentials;
  /** Attempts per call, first included (the SDK's default is 3). */
  maxAttempts?: number;
}

/** An error answer of the service; `name` is its error type (e.g. `ExecutionAlreadyExists`). */
export class AwsServiceError extends Error {
  constructor(
    name: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = name;
  }
}

function transient(error: unknown): boolean {
  return error instanceof AwsServiceError ? isTransient(error.status, error.name) : true;
}

export class AwsJsonRequests {
  private readonly signer: SignatureV4;
  private readonly endpoint: URL;
  private readonly maxAttempts: number;

  constructor(
    private readonly service: AwsJsonService,
    options: AwsJsonRequestsOptions = {},
  ) {
    const region = awsRegion(options.region);
    this.endpoint = awsEndpoint({
      explicit: options.endpoint,
      serviceEnvironmentId: service.serviceEnvironmentId,
      endpointPrefix: service.endpointPrefix,
      region,
    });
    this.signer = signatureV4({
      service: service.signingName,
      region,
      uriEscapePath: true,
      credentials: options.credentials,
    });
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  }

  /** Calls `operation` with `input`; resolves with the answer, rejects with AwsServiceError. */
  async call<T>(operation: string, input: object, headers: Record<string, string> = {}): Promise<T> {
    const body = JSON.stringify(input);
    return (await withRetries(this.maxAttempts, transient, () => this.once(operation, body, headers))) as T;
  }

  private async once(operation: string, body: string, extra: Record<string, string>): Promise<unknown> {
    const port = this.endpoint.port ? Number(this.endpoint.port) : undefined;
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      ...(port === undefined ? {} : { port }),
      path: this.endpoint.pathname,
      query: {},
      headers: {
        ...extra,
        host: this.endpoint.host,
        'content-type': `application/x-amz-json-${this.service.jsonVersion}`,
        'x-amz-target': `${this.service.targetPrefix}.${operation}`,
        // Signed as the SDK clients sign them.
        'content-length': String(Buffer.byteLength(body)),
        'x-amz-content-sha256': sha256Hex(body),
      },
      body,
    });
    const response = await fetch(this.endpoint, { method: 'POST', headers: fetchHeaders(signed), body });
    const answer = parseAnswer(await response.text());
    if (response.ok) return answer;
    // `__type` may be namespaced (`com.amazonaws.states#ExecutionAlreadyExists`) or carry a suffix after ':'.
    const type = String(
      answer.__type ?? response.headers.get('x-amzn-errortype') ?? `Http${response.status}`,
    );
    const name = type.split('#').pop()?.split(':')[0] ?? type;
    const message = String(answer.message ?? answer.Message ?? name);
    throw new AwsServiceError(name, message, response.status);
  }
}

/** The JSON answer; a proxy's HTML error page or an empty body reads as no fields. */
function parseAnswer(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
