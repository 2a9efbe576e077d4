import type { Node } from 'constructs';
import { DEFAULT_ROWS_PER_SHARD } from '../../contract/job/shard-plan.ts';

/** Everything that differs between deployments, read once from CDK context (`cdk.json` or `-c key=value`). */
export interface DeploymentConfig {
  /** Short environment name used in resource names and tags, e.g. `dev`, `staging`, `prod`. */
  readonly environmentName: string;
  /** Production keeps data on stack deletion and turns on DynamoDB deletion protection. */
  readonly isProduction: boolean;
  /** One Cognito client-credentials app client per name: each is one participant identity. */
  readonly clientApps: readonly string[];
  /** JSON handed to the Lambdas as `MPC_SERVER_KEYS`: the servers' public HPKE key configs. */
  readonly serverPublicKeysJson: string;
  /** Days before input shares, dealer material and result shares expire by lifecycle rule. */
  readonly shareRetentionDays: number;
  readonly logRetentionDays: number;
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
  readonly uploadUrlExpiryMinutes: number;
  readonly maxShareBytes: number;
  /** TCP port server B listens on for server A's peer link. */
  readonly peerPort: number;
  /** TCP port the dealer listens on for the servers' material streams (`MPC_MATERIAL_PORT`). */
  readonly materialPort: number;
  /** The dealer's HPKE public key (base64url), which each server pins (`MPC_DEALER_PUBLIC_KEY`). */
  readonly dealerPublicKey?: string;
  /** Optional e-mail address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /** Name server A connects to for server B (`MPC_PEER_HOST` of the workflow steps); see docs/deploy.md. */
  readonly peerHost?: string;
  /** Fargate size of each server's task (A and B alike); its vCPUs are the servers' worker threads. */
  readonly serverTaskSize: TaskSize;
  /** Fargate size of the dealer's task; its vCPUs make that many chunks at once. */
  readonly dealerTaskSize: TaskSize;
  /**
   * Rows one pair of servers runs of a job (`MPC_ROWS_PER_SHARD` of PrepareAttempt): a job of more rows runs
   * as K shards on K pairs (docs/deploy.md, "Sharded jobs"). Default `DEFAULT_ROWS_PER_SHARD`: never sharded.
   */
  readonly rowsPerShard: number;
  /**
   * The three administrative domains (DESIGN.md section 2): the coordinator with the dealer, server A, server
   * B, each its own account and region. A domain without an account takes the CLI's (one-account development).
   */
  readonly domains: Readonly<Record<DomainName, DomainConfig>>;
}

/** A Fargate task's size: CPU units (1024 = one vCPU) and memory. */
export interface TaskSize {
  readonly cpu: number;
  readonly memoryMiB: number;
}

/** Two vCPUs: the DCF kernels and the dealer's chunks run one worker thread per vCPU. */
export const DEFAULT_TASK_SIZE: TaskSize = { cpu: 2048, memoryMiB: 4096 };

/** Fargate's CPU sizes and the memory each allows (MiB: least, most, step). */
const FARGATE_MEMORY: Readonly<Record<number, readonly [number, number, number]>> = {
  256: [512, 2048, 512],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
  8192: [16384, 61440, 4096],
  16384: [32768, 122880, 8192],
};

/** The worker threads a task of `size` runs (MPC_WORKER_THREADS): one per whole vCPU, at least one. */
export function workerThreadsOf(size: TaskSize): number {
  return Math.max(1, Math.floor(size.cpu / 1024));
}

export type DomainName = 'coordinator' | 'serverA' | 'serverB';
export const DOMAIN_NAMES: readonly DomainName[] = ['coordinator', 'serverA', 'serverB'];

/** The awsvpc configuration a server's operator publishes (its stack's `TaskNetwork` output). */
export interface TaskNetwork {
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
}

export interface DomainConfig {
  readonly account?: string;
  readonly region?: string;
  /** Servers in another account than the coordinator: where the workflow starts their tasks. */
  readonly taskNetwork?: TaskNetwork;
}

export const CONTEXT_KEYS = {
  environmentName: 'mpc:environment',
  clientApps: 'mpc:clientApps',
  serverPublicKeys: 'mpc:serverPublicKeys',
  shareRetentionDays: 'mpc:shareRetentionDays',
  logRetentionDays: 'mpc:logRetentionDays',
  apiRateLimit: 'mpc:apiRateLimit',
  apiBurstLimit: 'mpc:apiBurstLimit',
  uploadUrlExpiryMinutes: 'mpc:uploadUrlExpiryMinutes',
  maxShareBytes: 'mpc:maxShareBytes',
  peerPort: 'mpc:peerPort',
  materialPort: 'mpc:materialPort',
  alarmEmail: 'mpc:alarmEmail',
  peerHost: 'mpc:peerHost',
  domains: 'mpc:domains',
  dealerPublicKey: 'mpc:dealerPublicKey',
  serverTaskSize: 'mpc:serverTaskSize',
  dealerTaskSize: 'mpc:dealerTaskSize',
  rowsPerShard: 'mpc:rowsPerShard',
} as const;

const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;

export function readDeploymentConfig(node: Node): DeploymentConfig {
  const environmentName = readString(node, CONTEXT_KEYS.environmentName) ?? 'dev';
  if (!ENVIRONMENT_NAME_PATTERN.test(environmentName)) {
    throw new Error(
      `${CONTEXT_KEYS.environmentName} must match ${ENVIRONMENT_NAME_PATTERN}, got "${environmentName}"`,
    );
  }
  const serverPublicKeysJson = readString(node, CONTEXT_KEYS.serverPublicKeys) ?? '{}';
  JSON.parse(serverPublicKeysJson); // fail at synth, not in the first request, when the JSON is broken
  const peerHost = readString(node, CONTEXT_KEYS.peerHost);
  const rowsPerShard = readNumber(node, CONTEXT_KEYS.rowsPerShard) ?? DEFAULT_ROWS_PER_SHARD;
  // Every job's A would dial the one named B; each shard's pair needs B to publish its own address.
  if (peerHost !== undefined && rowsPerShard !== DEFAULT_ROWS_PER_SHARD)
    throw new Error(
      `${CONTEXT_KEYS.peerHost} names one server B for every job, so jobs cannot run as shards ` +
        `(${CONTEXT_KEYS.rowsPerShard}): set only one of them`,
    );
  return {
    environmentName,
    isProduction: environmentName === 'prod',
    clientApps: readList(node, CONTEXT_KEYS.clientApps) ?? ['example-client'],
    serverPublicKeysJson,
    shareRetentionDays: readNumber(node, CONTEXT_KEYS.shareRetentionDays) ?? 30,
    logRetentionDays: readNumber(node, CONTEXT_KEYS.logRetentionDays) ?? 90,
    apiRateLimit: readNumber(node, CONTEXT_KEYS.apiRateLimit) ?? 50,
    apiBurstLimit: readNumber(node, CONTEXT_KEYS.apiBurstLimit) ?? 100,
    uploadUrlExpiryMinutes: readNumber(node, CONTEXT_KEYS.uploadUrlExpiryMinutes) ?? 15,
    maxShareBytes: readNumber(node, CONTEXT_KEYS.maxShareBytes) ?? 64 * 1024 * 1024,
    peerPort: readPort(node, CONTEXT_KEYS.peerPort) ?? 7443,
    materialPort: readPort(node, CONTEXT_KEYS.materialPort) ?? 7444,
    alarmEmail: readString(node, CONTEXT_KEYS.alarmEmail),
    peerHost,
    domains: readDomains(readString(node, CONTEXT_KEYS.domains)),
    dealerPublicKey: readString(node, CONTEXT_KEYS.dealerPublicKey),
    serverTaskSize: readTaskSize(readString(node, CONTEXT_KEYS.serverTaskSize), CONTEXT_KEYS.serverTaskSize),
    dealerTaskSize: readTaskSize(readString(node, CONTEXT_KEYS.dealerTaskSize), CONTEXT_KEYS.dealerTaskSize),
    rowsPerShard,
  };
}

/** `{ "cpu": 4096, "memoryMiB": 8192 }`, a size Fargate offers; default `DEFAULT_TASK_SIZE`. */
function readTaskSize(text: string | undefined, key: string): TaskSize {
  if (text === undefined) return DEFAULT_TASK_SIZE;
  const { cpu, memoryMiB } = JSON.parse(text) as { cpu?: unknown; memoryMiB?: unknown };
  const memory = FARGATE_MEMORY[Number(cpu)];
  if (!memory)
    throw new Error(
      `${key}.cpu must be one of ${Object.keys(FARGATE_MEMORY).join(', ')}, got ${String(cpu)}`,
    );
  const [least, most, step] = memory;
  const mib = Number(memoryMiB);
  if (!Number.isInteger(mib) || mib < least || mib > most || (mib - least) % step !== 0)
    throw new Error(
      `${key}.memoryMiB for cpu ${String(cpu)} must be ${least} to ${most} in steps of ${step}, got ${String(memoryMiB)}`,
    );
  return { cpu: Number(cpu), memoryMiB: mib };
}

const ACCOUNT_PATTERN = /^\d{12}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** `mpc:domains`: `{ "coordinator": { "account", "region" }, "serverA": { ..., "taskNetwork" }, "serverB": ... }`. */
function readDomains(text: string | undefined): Record<DomainName, DomainConfig> {
  const parsed = (text === undefined ? {} : JSON.parse(text)) as Record<string, unknown>;
  const unknownNames = Object.keys(parsed).filter((name) => !DOMAIN_NAMES.includes(name as DomainName));
  if (unknownNames.length > 0)
    throw new Error(
      `${CONTEXT_KEYS.domains} knows ${DOMAIN_NAMES.join(', ')}, got ${unknownNames.join(', ')}`,
    );
  const read = (name: DomainName): DomainConfig => {
    const entry = (parsed[name] ?? {}) as { account?: unknown; region?: unknown; taskNetwork?: unknown };
    const where = `${CONTEXT_KEYS.domains}.${name}`;
    const account = entry.account === undefined ? undefined : String(entry.account);
    const region = entry.region === undefined ? undefined : String(entry.region);
    if (account !== undefined && !ACCOUNT_PATTERN.test(account))
      throw new Error(`${where}.account must be a 12-digit account id, got "${account}"`);
    if (region !== undefined && !REGION_PATTERN.test(region))
      throw new Error(`${where}.region must be a region name, got "${region}"`);
    if ((account === undefined) !== (region === undefined))
      throw new Error(`${where} needs both account and region, or neither`);
    const taskNetwork = readTaskNetwork(entry.taskNetwork, `${where}.taskNetwork`);
    return { account, region, ...(taskNetwork ? { taskNetwork } : {}) };
  };
  return { coordinator: read('coordinator'), serverA: read('serverA'), serverB: read('serverB') };
}

function readTaskNetwork(value: unknown, where: string): TaskNetwork | undefined {
  if (value === undefined) return undefined;
  const { subnets, securityGroups } = value as { subnets?: unknown; securityGroups?: unknown };
  const ids = (list: unknown, prefix: string): string[] => {
    if (!Array.isArray(list) || list.length === 0 || !list.every((id) => String(id).startsWith(prefix)))
      throw new Error(`${where} needs a non-empty list of ${prefix}... ids`);
    return list.map(String);
  };
  return { subnets: ids(subnets, 'subnet-'), securityGroups: ids(securityGroups, 'sg-') };
}

function readString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  // `-c key='{"a":1}'` arrives as a string, cdk.json values as JSON: accept both.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function readNumber(node: Node, key: string): number | undefined {
  const text = readString(node, key);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${key} must be a positive integer, got "${text}"`);
  return value;
}

function readPort(node: Node, key: string): number | undefined {
  const port = readNumber(node, key);
  if (port !== undefined && port > 65_535)
    throw new Error(`${key} must be a TCP port (1 to 65535), got "${port}"`);
  return port;
}

function readList(node: Node, key: string): string[] | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

/** Resource names carry the environment so that several deployments can share one account. */
export function resourceName(config: Pick<DeploymentConfig, 'environmentName'>, suffix: string): string {
  return `mpc-${config.environmentName}-${suffix}`;
}
