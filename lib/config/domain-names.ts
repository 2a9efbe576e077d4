import { ArnFormat, Aws, Stack, type Environment } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Party } from '../../contract/party.ts';
import { resourceName, type DeploymentConfig, type DomainName } from './deployment-config.ts';

/**
 * What one domain names in another: every resource the other side's policies or workflow refer to has a name
 * derived from the shared configuration, never a CloudFormation reference, because references cannot cross
 * accounts and each operator deploys only its own stacks. The operators synthesize the same app with the same
 * `mpc:*` context, so both sides derive the same names (docs/deploy.md, "Three operators").
 */
export const serverDomain = (party: Party): DomainName => (party === 'A' ? 'serverA' : 'serverB');
export const serverTask = (party: Party): 'serverA' | 'serverB' => `server${party}`;

export const domainNames = {
  taskRole: (config: DeploymentConfig, party: Party): string =>
    resourceName(config, `${serverTask(party)}-task`),
  executionRole: (config: DeploymentConfig, party: Party): string =>
    resourceName(config, `${serverTask(party)}-execution`),
  /** The role a server's operator grants the coordinator (RunTask, presigned input uploads). */
  coordinatorAccessRole: (config: DeploymentConfig, party: Party): string =>
    resourceName(config, `coordinator-access-${party.toLowerCase()}`),
  cluster: (config: DeploymentConfig, party: Party): string =>
    resourceName(config, `server-${party.toLowerCase()}`),
  taskFamily: (config: DeploymentConfig, party: Party): string => resourceName(config, serverTask(party)),
  /** The coordinator's buckets, named when servers in other accounts are granted them (global names). */
  coordinatorBucket: (
    config: DeploymentConfig,
    bucket: 'jobs' | 'results',
    env: { account: string; region: string },
  ): string => `${resourceName(config, bucket)}-${env.account}-${env.region}`,
};

/** Account and region of a domain: its configured ones, else the CLI's (`fallback`), else unresolved. */
export function domainEnvironment(
  config: DeploymentConfig,
  domain: DomainName,
  fallback?: Environment,
): Environment | undefined {
  const { account, region } = config.domains[domain];
  return account && region ? { account, region } : fallback;
}

/**
 * True unless the three domains have three known, pairwise different accounts: then one operator holds
 * everything a server needs and privacy rests on that operator alone.
 */
export function singleOperator(config: DeploymentConfig, fallback?: Environment): boolean {
  const accounts = (['coordinator', 'serverA', 'serverB'] as const).map(
    (domain) => domainEnvironment(config, domain, fallback)?.account,
  );
  return accounts.some((account) => account === undefined) || new Set(accounts).size < accounts.length;
}

/** The ARNs and names of server `party`'s domain, as a stack of any domain writes them. */
export interface ServerDomainRefs {
  readonly party: Party;
  readonly account: string;
  readonly region: string;
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
  readonly coordinatorAccessRoleArn: string;
  readonly clusterArn: string;
  /** Without a revision: RunTask then takes the latest active one, which the server's operator deploys. */
  readonly taskDefinitionArn: string;
  readonly inputBucketName: string;
}

/**
 * Server `party`'s names as seen from `scope`'s stack. An unconfigured account or region is the referring
 * stack's own, which is right exactly when everything shares one account (development).
 */
export function serverDomainRefs(
  scope: Construct,
  config: DeploymentConfig,
  party: Party,
  fallback?: Environment,
): ServerDomainRefs {
  const stack = Stack.of(scope);
  const env = domainEnvironment(config, serverDomain(party), fallback);
  const account = env?.account ?? Aws.ACCOUNT_ID;
  const region = env?.region ?? Aws.REGION;
  const arn = (service: string, resource: string, resourceName: string, global = false): string =>
    stack.formatArn({
      service,
      resource,
      resourceName,
      account,
      region: global ? '' : region,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  return {
    party,
    account,
    region,
    taskRoleArn: arn('iam', 'role', domainNames.taskRole(config, party), true),
    executionRoleArn: arn('iam', 'role', domainNames.executionRole(config, party), true),
    coordinatorAccessRoleArn: arn('iam', 'role', domainNames.coordinatorAccessRole(config, party), true),
    clusterArn: arn('ecs', 'cluster', domainNames.cluster(config, party)),
    taskDefinitionArn: arn('ecs', 'task-definition', domainNames.taskFamily(config, party)),
    // Bucket names are global: the account and region make them unique.
    inputBucketName: `${resourceName(config, `inputs-${party.toLowerCase()}`)}-${account}-${region}`,
  };
}

/**
 * What the coordinator's functions learn about each server's domain: the bucket the shares sealed to it go
 * to, the role its operator granted (assumed for presigning and RunTask), its cluster and task definition.
 */
export function serverDomainEnvironment(servers: readonly ServerDomainRefs[]): Record<string, string> {
  return Object.fromEntries(
    servers.flatMap((server) => {
      const prefix = `SERVER_${server.party}_`;
      return [
        [`${prefix}INPUT_BUCKET`, server.inputBucketName],
        [`${prefix}ACCESS_ROLE_ARN`, server.coordinatorAccessRoleArn],
        [`${prefix}CLUSTER_ARN`, server.clusterArn],
        [`${prefix}TASK_DEFINITION_ARN`, server.taskDefinitionArn],
      ];
    }),
  );
}
