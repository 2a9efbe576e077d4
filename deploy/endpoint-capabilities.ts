/**
 * What each kind of AWS-compatible endpoint can be trusted to do, for the tests that need more than the
 * common ground. `npm run test:localstack` detects the kind and hands it to the suite (MPC_ENDPOINT_KIND);
 * tests that need a capability run only where the kind has it (test/support/endpoint-capabilities.ts), and
 * the script lists the others with the reason. A capability is listed for a kind only where it is known to
 * hold; an unverified one is left out, so that its tests are listed rather than failing for the emulator.
 */

export const ENDPOINT_CAPABILITIES = {
  'dynamodb-transaction-isolation':
    'DynamoDB isolates concurrent transactions (a conditional TransactWriteItems sees the writes of those before it)',
  'sfn-api': 'a Step Functions API: CreateStateMachine, StartExecution, DescribeExecution, SendTaskSuccess',
  'sfn-executions':
    'Step Functions runs executions: an activity hands out a task token, SendTaskSuccess ends the wait, and a ' +
    'token used already or never issued is refused',
  'eventbridge-api':
    'an EventBridge API: CreateEventBus, PutEvents, and archives that count the events they match',
  'ecs-api':
    'an ECS API with a task registry: RegisterTaskDefinition, RunTask (Fargate), DescribeTasks, StopTask',
  'ecs-missing-task-answers':
    'ECS answers for a task it does not know as AWS does: DescribeTasks lists it under failures, StopTask ' +
    'refuses it with InvalidParameterException',
} as const;

export type EndpointCapability = keyof typeof ENDPOINT_CAPABILITIES;

/** `embedded`: the suite's own DynamoDB Local and s3rver, no AWS_ENDPOINT_URL. `other`: an endpoint not recognised. */
export const ENDPOINT_KINDS = ['embedded', 'localstack', 'floci', 'moto', 'other'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export const KIND_CAPABILITIES: Record<EndpointKind, readonly EndpointCapability[]> = {
  // DynamoDB Local and s3rver: transactions yes; no Step Functions, EventBridge or ECS.
  embedded: ['dynamodb-transaction-isolation'],
  // LocalStack runs DynamoDB Local inside. Its ECS starts real containers, which the contract's registry-only
  // task definition cannot be.
  localstack: ['dynamodb-transaction-isolation', 'sfn-api', 'sfn-executions', 'eventbridge-api'],
  // Not verified against Floci: nothing beyond the common ground is assumed.
  floci: [],
  // moto's DynamoDB does not isolate concurrent transactions; its Step Functions runs no execution and takes
  // any task token; its DescribeTasks leaves unknown tasks out and its StopTask of one answers 500.
  moto: ['sfn-api', 'eventbridge-api', 'ecs-api'],
  other: [],
};

export function isEndpointKind(value: string | undefined): value is EndpointKind {
  return (ENDPOINT_KINDS as readonly string[]).includes(value ?? '');
}

/** The kind the tests run against: MPC_ENDPOINT_KIND when set, else embedded without AWS_ENDPOINT_URL, else other. */
export function endpointKindFromEnv(env: NodeJS.ProcessEnv = process.env): EndpointKind {
  if (isEndpointKind(env.MPC_ENDPOINT_KIND)) return env.MPC_ENDPOINT_KIND;
  return env.AWS_ENDPOINT_URL ? 'other' : 'embedded';
}

/** Tells LocalStack, Floci and moto_server apart by the paths only each serves. */
export async function detectEndpointKind(endpoint: string, timeoutMs = 2000): Promise<EndpointKind> {
  const get = async (pathname: string): Promise<Response | undefined> => {
    try {
      return await fetch(new URL(pathname, endpoint), { signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      return undefined;
    }
  };
  const health = await get('/_localstack/health');
  if (health?.ok) {
    const text = await health.text();
    const server = health.headers.get('server') ?? '';
    return /floci/i.test(text) || /floci/i.test(server) ? 'floci' : 'localstack';
  }
  const moto = await get('/moto-api/');
  if (moto?.ok) return 'moto';
  return 'other';
}
