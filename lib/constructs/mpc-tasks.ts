import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DockerImageAsset, Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { allowMaterialStreams } from './computation-network.ts';
import type { Party } from '../../contract/party.ts';
import type { ComputeTaskName } from '../../contract/job/compute-tasks.ts';
import { COMPUTE_TASK_NODE_FLAGS } from '../../contract/job/compute-task-node-flags.ts';
import { resourceName, workerThreadsOf, type DeploymentConfig } from '../config/deployment-config.ts';
import { REPO_ROOT, repoPaths } from '../config/repo-paths.ts';
import { retentionDays } from '../config/log-retention.ts';
import { listPrefixOf, shareObjectPatterns } from './share-object-patterns.ts';
import { suppressScopedWildcards } from './scoped-wildcards.ts';
import { grantShareKeyViaS3 } from './share-storage.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

/** Container names are part of the workflow's contract: its runTask overrides address them by name. */
export type MpcTaskName = ComputeTaskName;
export const MPC_TASK_NAMES: readonly MpcTaskName[] = ['serverA', 'serverB', 'dealer'];

/** Which entry point of the image each task runs, and as which party (the dealer serves both). */
const TASKS: Record<MpcTaskName, { script: string; party?: Party }> = {
  serverA: { script: 'mpc-server.mjs', party: 'A' },
  serverB: { script: 'mpc-server.mjs', party: 'B' },
  dealer: { script: 'mpc-dealer.mjs' },
};

/** Secrets Manager name of a server's key material; `npm run keys:rotate` writes to it. */
export function serverKeySecretName(
  config: Pick<DeploymentConfig, 'environmentName'>,
  task: MpcTaskName,
): string {
  return `${resourceName(config, task)}/key`;
}

/** The job status items the tasks write (pk `JOB#<jobId>`); DESIGN.md section 3. */
export const JOB_ITEM_KEY_PATTERN = 'JOB#*';

export interface MpcTasksProps {
  readonly config: DeploymentConfig;
  readonly vpc: ec2.IVpc;
  readonly inputBucket: s3.IBucket;
  readonly resultBucket: s3.IBucket;
  readonly shareKey: kms.IKey;
  readonly table: dynamodb.ITableV2;
  /** The tasks this account runs; default all three. A subset is the seam for other accounts (docs/deploy.md). */
  readonly taskNames?: readonly MpcTaskName[];
  /**
   * The other server's network when exactly one server runs here: B admits A's peer link from it, or A
   * connects to it. Unused when both servers run here (then only A's security group may reach B).
   */
  readonly remotePeer?: ec2.IPeer;
  /**
   * A server's own bucket and key for the input shares sealed to it, in its own domain; the key also
   * encrypts its key secret. Without, the input shares are read from `inputBucket`.
   */
  readonly inputShares?: { readonly bucket: s3.IBucket; readonly key: kms.IKey };
  /** Defaults to `mpc-<env>-computation`. */
  readonly clusterName?: string;
  /** Fixed role names, for roles that other domains name in their policies (domain-names.ts). */
  readonly roleNames?: Partial<Record<MpcTaskName, { readonly task: string; readonly execution: string }>>;
  /** The tasks' TABLE_NAME: the table's ARN when it is in another account; defaults to its name. */
  readonly tableReference?: string;
}

export interface MpcTask {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly taskRole: iam.Role;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroup: logs.LogGroup;
  /** The task's private key material (a server's, or the dealer's). */
  readonly keySecret: secretsmanager.Secret;
}

/**
 * The ECS cluster and one Fargate task definition per MPC role, all from the one image built by
 * `mpc-servers/Dockerfile`. Each task has its own role (own share prefixes, own key secret) and its own
 * security group; only server A's group may reach server B's peer port.
 */
export class MpcTasks extends Construct {
  readonly cluster: ecs.Cluster;
  /** The cluster's fixed name (a literal, unlike `cluster.clusterName`), for ARN patterns in IAM statements. */
  readonly clusterName: string;
  readonly tasks: Partial<Record<MpcTaskName, MpcTask>>;

  constructor(scope: Construct, id: string, props: MpcTasksProps) {
    super(scope, id);
    const { config } = props;
    this.clusterName = props.clusterName ?? resourceName(config, 'computation');
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: this.clusterName,
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    // One asset, so the image is staged (and later built and pushed) once for all three task definitions.
    const image = ecs.ContainerImage.fromDockerImageAsset(
      new DockerImageAsset(this, 'Image', {
        directory: REPO_ROOT,
        file: repoPaths.mpcDockerfile,
        platform: Platform.LINUX_ARM64,
      }),
    );
    const tasks: Partial<Record<MpcTaskName, MpcTask>> = {};
    for (const name of props.taskNames ?? MPC_TASK_NAMES) tasks[name] = this.createTask(name, image, props);
    this.tasks = tasks;
    this.allowPeerLink(tasks, ec2.Port.tcp(config.peerPort), props.remotePeer);
    allowMaterialStreams(
      Object.fromEntries(Object.entries(tasks).map(([name, task]) => [name, task.securityGroup])),
      config.materialPort,
    );
  }

  /** The task of `name`; fails when this stack does not run it. */
  task(name: MpcTaskName): MpcTask {
    const task = this.tasks[name];
    if (!task) throw new Error(`This computation stack does not run ${name}`);
    return task;
  }

  private allowPeerLink(
    tasks: Partial<Record<MpcTaskName, MpcTask>>,
    port: ec2.Port,
    remotePeer?: ec2.IPeer,
  ): void {
    const { serverA, serverB } = tasks;
    if (serverA && serverB) {
      serverB.securityGroup.addIngressRule(serverA.securityGroup, port, 'Peer link from server A');
      serverA.securityGroup.addEgressRule(serverB.securityGroup, port, 'Peer link to server B');
    } else if (serverB && remotePeer) {
      serverB.securityGroup.addIngressRule(remotePeer, port, 'Peer link from server A (other account)');
    } else if (serverA && remotePeer) {
      serverA.securityGroup.addEgressRule(remotePeer, port, 'Peer link to server B (other account)');
    }
  }

  private createTask(name: MpcTaskName, image: ecs.ContainerImage, props: MpcTasksProps): MpcTask {
    const { config } = props;
    const { script, party } = TASKS[name];
    const removalPolicy = removalPolicyFor(config);
    const roleNames = props.roleNames?.[name];
    const taskRole = new iam.Role(this, `${name}TaskRole`, {
      roleName: roleNames?.task,
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: `MPC ${name}: own share prefixes and own key only`,
    });
    // Named only where another domain passes it (RunTask through the role a server's operator grants).
    const executionRole = roleNames
      ? new iam.Role(this, `${name}ExecutionRole`, {
          roleName: roleNames.execution,
          assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
          description: `MPC ${name}: pulls the image and writes the task's logs`,
        })
      : undefined;
    const logGroup = new logs.LogGroup(this, `${name}Logs`, {
      retention: retentionDays(config.logRetentionDays),
      removalPolicy,
    });
    const size = party ? config.serverTaskSize : config.dealerTaskSize;
    const taskDefinition = new ecs.FargateTaskDefinition(this, `${name}Task`, {
      family: resourceName(config, name),
      cpu: size.cpu,
      memoryLimitMiB: size.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      taskRole,
      executionRole,
    });
    // Every task has its own key: a server's HPKE key and TLS identity, the dealer's HPKE key that signs its
    // material (Auth mode), which each server pins.
    const keySecret = new secretsmanager.Secret(this, `${name}KeySecret`, {
      secretName: serverKeySecretName(config, name),
      description: party
        ? `HPKE and peer-link key material of MPC server ${party}`
        : 'HPKE key pair of the MPC dealer, which authenticates its material to the servers',
      // A random placeholder: the task refuses it (not a key document) until `npm run keys:rotate` writes
      // real key material; the private key is never part of a template.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      encryptionKey: props.inputShares?.key,
      removalPolicy,
    });
    // Readable by the task role alone, whatever else this account's identity policies allow; writing (key
    // rotation, PutSecretValue) stays with the operator's administrators.
    keySecret.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['*'],
        conditions: { StringNotEquals: { 'aws:PrincipalArn': taskRole.roleArn } },
      }),
    );
    NagSuppressions.addResourceSuppressions(keySecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'A key is rotated together with the public key others pin (clients, the servers); the coordinated ' +
          'procedure is in docs/deploy.md ("Rotate keys"), a rotation Lambda cannot do it alone.',
      },
    ]);
    const listening = listenPort(name, config);
    taskDefinition.addContainer(name, {
      containerName: name,
      image,
      // The entry point names the script, so the workflow's command override carries only the arguments
      // (`--party B --job <id>`, `--job <id>`, as lambdas/use-cases/workflow/prepare-attempt.ts writes them).
      entryPoint: ['node', ...COMPUTE_TASK_NODE_FLAGS, script],
      command: party ? ['--party', party] : [],
      readonlyRootFilesystem: true,
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: name }),
      environment: {
        TABLE_NAME: props.tableReference ?? props.table.tableName,
        INPUT_BUCKET: props.inputBucket.bucketName,
        ...(props.inputShares && party ? { INPUT_SHARE_BUCKET: props.inputShares.bucket.bucketName } : {}),
        RESULT_BUCKET: props.resultBucket.bucketName,
        PEER_PORT: String(config.peerPort),
        // The dealer listens on a fixed port, which the security groups can name; it publishes its address.
        ...(party ? {} : { MPC_MATERIAL_PORT: String(config.materialPort) }),
        // One kernel thread per vCPU of the task: Fargate may show the container more CPUs than it gets.
        MPC_WORKER_THREADS: String(workerThreadsOf(size)),
        MPC_SERVER_KEYS: config.serverPublicKeysJson,
        ...(party ? { KEY_SECRET_ARN: keySecret.secretArn } : { DEALER_KEY_SECRET_ARN: keySecret.secretArn }),
        // A server pins the dealer's public key from its own operator's configuration, never from a job.
        ...(party && config.dealerPublicKey ? { MPC_DEALER_PUBLIC_KEY: config.dealerPublicKey } : {}),
        ...peerFingerprintEnvironment(config.serverPublicKeysJson, party),
      },
      ...(listening === undefined ? {} : { portMappings: [{ containerPort: listening }] }),
    });

    const securityGroup = new ec2.SecurityGroup(this, `${name}SecurityGroup`, {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: `MPC ${name}`,
    });
    // Only VPC endpoints answer on 443: the subnets have no route out of the VPC.
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'AWS APIs through VPC endpoints');

    this.grantTaskAccess(name, taskRole, props, keySecret);
    this.suppressFindings(name, taskDefinition, taskRole);
    // After the container: its image and log grants make the role's default policy.
    if (executionRole) suppressExecutionRoleWildcard(executionRole);
    return { taskDefinition, taskRole, securityGroup, logGroup, keySecret };
  }

  private grantTaskAccess(
    name: MpcTaskName,
    role: iam.Role,
    props: MpcTasksProps,
    keySecret: secretsmanager.Secret,
  ): void {
    const { inputBucket, resultBucket, shareKey, table } = props;
    const party = TASKS[name].party;
    const readKeys = [shareObjectPatterns.jobDescriptions()];
    const writeInputBucketKeys: string[] = [];
    const writeResultBucketKeys: string[] = [];
    if (party) {
      readKeys.push(shareObjectPatterns.dealerMaterial(party));
      // A shard's partials go where the server's input shares are (mpc-servers/storage/input-share-routing.ts).
      if (props.inputShares) useOwnInputShares(role, party, props.inputShares);
      else {
        const partials = shareObjectPatterns.shardPartials(party);
        readKeys.push(shareObjectPatterns.inputShares(party), partials);
        writeInputBucketKeys.push(partials);
      }
      writeResultBucketKeys.push(shareObjectPatterns.resultShares(party));
    } else {
      writeInputBucketKeys.push(
        shareObjectPatterns.dealerMaterial('A'),
        shareObjectPatterns.dealerMaterial('B'),
      );
    }
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: readKeys.map((key) => inputBucket.arnForObjects(key)),
      }),
    );
    // Listing makes a missing object a clear 404 instead of a 403; confined to the same prefixes, so a server
    // cannot even learn the other party's object keys.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [inputBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [...new Set(readKeys.map(listPrefixOf))] } },
      }),
    );
    grantShareKeyViaS3(shareKey, role, ['Decrypt']);
    if (writeInputBucketKeys.length > 0) {
      role.addToPolicy(
        new iam.PolicyStatement({
          // Every object goes up in one PutObject (no multipart uploads), so writing needs nothing else.
          actions: ['s3:PutObject'],
          resources: writeInputBucketKeys.map((key) => inputBucket.arnForObjects(key)),
        }),
      );
    }
    if (writeResultBucketKeys.length > 0) {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['s3:PutObject'],
          resources: writeResultBucketKeys.map((key) => resultBucket.arnForObjects(key)),
        }),
      );
    }
    grantShareKeyViaS3(shareKey, role, ['GenerateDataKey']);
    // Job status items only. IAM cannot confine the sort key (PARTY#A|B|DEALER): a task could overwrite
    // another party's status item of the same job; the workflow cross-checks with the tasks' ECS state.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [JOB_ITEM_KEY_PATTERN] } },
      }),
    );
    keySecret.grantRead(role);
  }

  private suppressFindings(
    name: MpcTaskName,
    taskDefinition: ecs.FargateTaskDefinition,
    taskRole: iam.Role,
  ): void {
    NagSuppressions.addResourceSuppressions(taskDefinition, [
      {
        id: 'AwsSolutions-ECS2',
        reason:
          'The environment holds resource names, ARNs and public keys only; secrets are read at run time.',
      },
    ]);
    suppressScopedWildcards(taskRole, `Task role of ${name}`);
    NagSuppressions.addResourceSuppressions(
      taskDefinition,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'The execution role needs ecr:GetAuthorizationToken, which supports no resource-level permission.',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );
  }
}

/**
 * The input shares sealed to `party`, from its own bucket under its own key, and the partials of its shards,
 * which a part job writes and the combine job reads back there (one PutObject each).
 */
function useOwnInputShares(
  role: iam.Role,
  party: Party,
  own: NonNullable<MpcTasksProps['inputShares']>,
): void {
  const key = shareObjectPatterns.inputShares(party);
  const partials = shareObjectPatterns.shardPartials(party);
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [key, partials].map((pattern) => own.bucket.arnForObjects(pattern)),
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [own.bucket.arnForObjects(partials)] }),
  );
  // The partials lie under the input prefix, so one listing prefix covers both.
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [own.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [listPrefixOf(key)] } },
    }),
  );
  grantShareKeyViaS3(own.key, role, ['Decrypt', 'GenerateDataKey']);
}

function suppressExecutionRoleWildcard(role: iam.Role): void {
  NagSuppressions.addResourceSuppressions(
    role,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The execution role needs ecr:GetAuthorizationToken, which supports no resource-level permission.',
        appliesTo: ['Resource::*'],
      },
    ],
    true,
  );
}

/** The port a task listens on: B for A's peer link, the dealer for the servers' material streams. */
function listenPort(name: MpcTaskName, config: DeploymentConfig): number | undefined {
  if (name === 'serverB') return config.peerPort;
  if (name === 'dealer') return config.materialPort;
  return undefined;
}

/**
 * A server pins its peer's TLS certificate on the A-B link. The fingerprint comes from the operator's
 * deployment context (the `tlsFingerprint` that `npm run keys:rotate` prints with the public keys), never from
 * the job description or the dealer. Absent until keys are rotated: the server then refuses to start the link.
 */
export function peerFingerprintEnvironment(
  serverPublicKeysJson: string,
  party: Party | undefined,
): Record<string, string> {
  if (!party) return {};
  const peer = party === 'A' ? 'B' : 'A';
  const configs: unknown = JSON.parse(serverPublicKeysJson);
  const entry = Array.isArray(configs)
    ? (configs as { id?: unknown; tlsFingerprint?: unknown }[]).find((config) => config.id === peer)
    : undefined;
  return typeof entry?.tlsFingerprint === 'string' ? { PEER_TLS_FINGERPRINT: entry.tlsFingerprint } : {};
}
