import type { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPUTATION_VPC_CIDR, SERVER_VPC_CIDRS } from '../../../lib/constructs/computation-network.ts';
import type { MpcTask, MpcTaskName } from '../../../lib/constructs/mpc-tasks.ts';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { COMPUTE_TASK_NODE_FLAGS } from '../../../contract/job/compute-task-node-flags.ts';
import { allowedActions, resourcesFor, statementsOfRole, type RenderedStatement } from './iam-statements.ts';
import { synthesizeApp, type SynthesizedApp } from './synthesize.ts';

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeApp();
});

/** Every MPC task's actions besides its own key secret: its job status, its objects under the share keys. */
const DEALER_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'kms:Decrypt',
  'kms:GenerateDataKey',
  's3:GetObject',
  's3:ListBucket',
  's3:PutObject',
];
/** Each task in its own domain's stack: the dealer with the coordinator, each server in its own. */
const placed = (name: MpcTaskName): { stack: Stack; template: Template; task: MpcTask } => {
  if (name === 'dealer') {
    const { computation, computationTemplate } = synthesized;
    return { stack: computation, template: computationTemplate, task: computation.mpc.task(name) };
  }
  const party = name === 'serverA' ? 'A' : 'B';
  const stack = synthesized.servers[party];
  return { stack, template: synthesized.serverTemplates[party], task: stack.task };
};
const taskStatements = (name: MpcTaskName): RenderedStatement[] => {
  const { template, task } = placed(name);
  return statementsOfRole(template, task.taskRole);
};
/**
 * Object keys in the rendered ARNs: `Inputs:` the coordinator's input bucket (a stack output in a server's
 * stack), `Own:` the server's own input bucket, `Results:` the coordinator's result bucket.
 */
const keysOf = (arns: readonly string[]): string[] =>
  arns
    .map((arn) =>
      arn
        .replace(/^<output:[^>]*StorageInputs[^>]*>/, 'Inputs:')
        .replace(/^<output:[^>]*StorageResults[^>]*>/, 'Results:')
        .replace(/^<Inputs\w+\.Arn>/, 'Own:')
        .replace(/^<[^>]*(Inputs|Results)[^>]*>/, '$1:'),
    )
    .sort();
const ALL_TASKS = ['serverA', 'serverB', 'dealer'] as const;

describe('network', () => {
  it('has isolated subnets only in every domain: no internet or NAT gateway', () => {
    for (const name of ALL_TASKS) {
      const { template } = placed(name);
      template.resourceCountIs('AWS::EC2::InternetGateway', 0);
      template.resourceCountIs('AWS::EC2::NatGateway', 0);
      template.resourceCountIs('AWS::EC2::Subnet', 2);
      for (const subnet of Object.values(template.findResources('AWS::EC2::Subnet'))) {
        expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
      }
      template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL' });
    }
  });

  it('gives the dealer and the two servers three distinct VPC ranges, so the servers can be peered', () => {
    const ranges = ALL_TASKS.map((name) => {
      const [vpc] = Object.values(placed(name).template.findResources('AWS::EC2::VPC'));
      return vpc?.Properties.CidrBlock as string;
    });
    expect(new Set(ranges).size).toBe(3);
  });

  it('reaches AWS through endpoints for S3, DynamoDB, Secrets Manager, ECR, logs and Step Functions', () => {
    const endpoints = Object.values(synthesized.computationTemplate.findResources('AWS::EC2::VPCEndpoint'));
    const services = endpoints.map((endpoint) => JSON.stringify(endpoint.Properties.ServiceName));
    for (const service of [
      '.s3"',
      '.dynamodb"',
      '.secretsmanager"',
      '.ecr.api"',
      '.ecr.dkr"',
      '.logs"',
      '.states"',
    ]) {
      expect(
        services.filter((name) => name.includes(service)),
        service,
      ).toHaveLength(1);
    }
  });

  it("lets only server A's network reach server B, on the peer port, and the servers the dealer's material port", () => {
    const groupOf = (name: MpcTaskName) => {
      const { stack, template, task } = placed(name);
      return template.toJSON().Resources[stack.getLogicalId(task.securityGroup.node.defaultChild as never)];
    };
    expect(groupOf('serverB').Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({
        CidrIp: SERVER_VPC_CIDRS.A,
        FromPort: 7443,
        ToPort: 7443,
        IpProtocol: 'tcp',
      }),
    ]);
    expect(groupOf('serverA').Properties.SecurityGroupEgress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ CidrIp: SERVER_VPC_CIDRS.B, FromPort: 7443, ToPort: 7443 }),
      ]),
    );
    expect(groupOf('serverA').Properties.SecurityGroupIngress ?? []).toEqual([]);
    // The material stream: the dealer admits the material port from the two server VPCs only, and each
    // server may reach it in the dealer's VPC.
    expect(groupOf('dealer').Properties.SecurityGroupIngress).toEqual(
      (['A', 'B'] as const).map((party) =>
        expect.objectContaining({ CidrIp: SERVER_VPC_CIDRS[party], FromPort: 7444, ToPort: 7444 }),
      ),
    );
    for (const name of ['serverA', 'serverB'] as const)
      expect(groupOf(name).Properties.SecurityGroupEgress).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ CidrIp: COMPUTATION_VPC_CIDR, FromPort: 7444, ToPort: 7444 }),
        ]),
      );
  });
});

describe('tasks', () => {
  it('runs A, B and the dealer as arm64 Fargate tasks of one image, with logs and their own roles', () => {
    const definitions = ALL_TASKS.flatMap((name) => {
      const { template } = placed(name);
      template.hasResourceProperties('AWS::ECS::Cluster', {
        ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
      });
      return Object.values(template.findResources('AWS::ECS::TaskDefinition'));
    });
    expect(definitions.map((d) => d.Properties.Family).sort()).toEqual([
      'mpc-dev-dealer',
      'mpc-dev-serverA',
      'mpc-dev-serverB',
    ]);
    const template = synthesized.serverTemplates.B;
    const images = new Set<string>();
    const taskRoles = new Set<string>();
    for (const definition of definitions) {
      expect(definition.Properties.RequiresCompatibilities).toEqual(['FARGATE']);
      expect(definition.Properties.RuntimePlatform).toEqual({
        CpuArchitecture: 'ARM64',
        OperatingSystemFamily: 'LINUX',
      });
      // Two vCPUs by default, and one kernel worker thread per vCPU.
      expect(definition.Properties).toMatchObject({ Cpu: '2048', Memory: '4096' });
      const [container] = definition.Properties.ContainerDefinitions;
      expect(container.Environment).toContainEqual({ Name: 'MPC_WORKER_THREADS', Value: '2' });
      expect(container.LogConfiguration.LogDriver).toBe('awslogs');
      expect(container.ReadonlyRootFilesystem).toBe(true);
      // One image asset, staged in each domain's stack: the same content hash everywhere.
      images.add(JSON.stringify(container.Image).replace(/^.*:([0-9a-f]{64}).*$/, '$1'));
      taskRoles.add(JSON.stringify(definition.Properties.TaskRoleArn));
    }
    expect(images.size).toBe(1);
    expect(taskRoles.size).toBe(3);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'mpc-dev-serverB',
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'serverB',
          EntryPoint: ['node', ...COMPUTE_TASK_NODE_FLAGS, 'mpc-server.mjs'],
          Command: ['--party', 'B'],
          PortMappings: [{ ContainerPort: 7443, Protocol: 'tcp' }],
          Environment: Match.arrayWith([
            { Name: 'INPUT_SHARE_BUCKET', Value: { Ref: Match.stringLikeRegexp('^Inputs') } },
            { Name: 'PEER_PORT', Value: '7443' },
            { Name: 'KEY_SECRET_ARN', Value: { Ref: Match.stringLikeRegexp('^MpcserverBKeySecret') } },
          ]),
        }),
      ],
    });
    for (const name of ALL_TASKS)
      for (const group of Object.values(placed(name).template.findResources('AWS::Logs::LogGroup'))) {
        expect(group.Properties.RetentionInDays).toBe(90);
      }
  });

  it('has the dealer listen for the material streams on the configured port, A on none', () => {
    const containerOf = (name: MpcTaskName, template = placed(name).template) => {
      const [definition] = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
      return definition?.Properties.ContainerDefinitions[0] as {
        PortMappings?: unknown[];
        Environment: { Name: string; Value: unknown }[];
      };
    };
    const materialPort = (name: MpcTaskName, template?: Template) =>
      containerOf(name, template).Environment.find((variable) => variable.Name === 'MPC_MATERIAL_PORT')
        ?.Value;
    expect(containerOf('dealer').PortMappings).toEqual([{ ContainerPort: 7444, Protocol: 'tcp' }]);
    expect(materialPort('dealer')).toBe('7444');
    expect(containerOf('serverA').PortMappings).toBeUndefined();
    for (const name of ['serverA', 'serverB'] as const) expect(materialPort(name)).toBeUndefined();
    const configured = synthesizeApp({ 'mpc:materialPort': '9444' });
    expect(materialPort('dealer', configured.computationTemplate)).toBe('9444');
    expect(containerOf('dealer', configured.computationTemplate).PortMappings).toEqual([
      { ContainerPort: 9444, Protocol: 'tcp' },
    ]);
  });

  it('gives each server its peer’s TLS fingerprint from the deployment context, and the dealer none', () => {
    const keys = (['A', 'B'] as const).map((id) => ({
      id,
      publicKey: 'k',
      tlsFingerprint: `fingerprint-${id}`,
    }));
    const app = synthesizeApp({
      'mpc:serverPublicKeys': JSON.stringify(keys),
      'mpc:dealerPublicKey': 'dealer-public-key',
    });
    const templates = [app.computationTemplate, app.serverTemplates.A, app.serverTemplates.B];
    const environmentOf = (family: string): { Name: string; Value: unknown }[] => {
      const [definition] = templates.flatMap((template) =>
        Object.values(template.findResources('AWS::ECS::TaskDefinition', { Properties: { Family: family } })),
      );
      return definition?.Properties.ContainerDefinitions[0].Environment ?? [];
    };
    const fingerprint = (family: string) =>
      environmentOf(family).find((variable) => variable.Name === 'PEER_TLS_FINGERPRINT')?.Value;
    expect(fingerprint('mpc-dev-serverA')).toBe('fingerprint-B');
    expect(fingerprint('mpc-dev-serverB')).toBe('fingerprint-A');
    expect(environmentOf('mpc-dev-dealer').length).toBeGreaterThan(0);
    expect(fingerprint('mpc-dev-dealer')).toBeUndefined();
    // Each server pins the dealer's public key from its operator's context; the dealer reads its own secret.
    const variable = (family: string, name: string) =>
      environmentOf(family).find((entry) => entry.Name === name)?.Value;
    expect(variable('mpc-dev-serverA', 'MPC_DEALER_PUBLIC_KEY')).toBe('dealer-public-key');
    expect(variable('mpc-dev-serverB', 'MPC_DEALER_PUBLIC_KEY')).toBe('dealer-public-key');
    expect(variable('mpc-dev-dealer', 'DEALER_KEY_SECRET_ARN')).toBeDefined();
  });

  it('lets each server read only its own input shares and dealer material, and write only its own results', () => {
    for (const [party, other] of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      const statements = taskStatements(`server${party}`);
      expect(keysOf(resourcesFor(statements, 's3:GetObject'))).toEqual([
        `Inputs:/dealer/${party}/*/*`,
        'Inputs:/jobs/*/job.json',
        `Own:/inputs/${party}/*/*.share`,
        `Own:/inputs/${party}/*/shards/*`,
      ]);
      expect(keysOf(resourcesFor(statements, 's3:PutObject'))).toEqual([
        `Own:/inputs/${party}/*/shards/*`,
        `Results:/results/${party}/*/*.share`,
      ]);
      expect(JSON.stringify(statements)).not.toContain(`/${other}/`);
      const listings = statements.filter((statement) => statement.actions.includes('s3:ListBucket'));
      expect(listings.map((listing) => listing.conditions)).toEqual([
        { StringLike: { 's3:prefix': [`inputs/${party}/*`] } },
        { StringLike: { 's3:prefix': ['jobs/*', `dealer/${party}/*`] } },
      ]);
      expect(allowedActions(statements)).toEqual([
        ...DEALER_ACTIONS,
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
    }
  });

  it("lets each server write and read back its shards' partials in its own bucket, under its own key", () => {
    /** An IAM object-key pattern as a regular expression (`*` spans `/` too). */
    const keyPattern = (pattern: string) =>
      new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
    for (const [party, other] of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      const statements = taskStatements(`server${party}`);
      const own = (action: string) =>
        keysOf(resourcesFor(statements, action)).filter((key) => key.startsWith('Own:'));
      const partials = `Own:/inputs/${party}/*/shards/*`;
      expect(own('s3:PutObject')).toEqual([partials]);
      expect(own('s3:GetObject')).toEqual([`Own:/inputs/${party}/*/*.share`, partials]);
      // Every partial of its own shards falls under the grant; the other party's and input shares do not.
      const granted = keyPattern(partials.slice('Own:/'.length));
      expect(storageLayout.shardPartial(party, 'c1', 'job-1', 2)).toMatch(granted);
      expect(storageLayout.shardPartial(other, 'c1', 'job-1', 2)).not.toMatch(granted);
      expect(storageLayout.inputShare(party, 'c1', 'input-1')).not.toMatch(granted);
      // The bucket encrypts under the server's own key: GenerateDataKey on that key, through S3 only.
      const server = synthesized.servers[party];
      const ownKey = `<${server.getLogicalId(server.inputKey.node.defaultChild as never)}.Arn>`;
      const ownKeyUse = statements.filter((statement) => statement.resources.includes(ownKey));
      expect(ownKeyUse.flatMap((statement) => statement.actions).sort()).toEqual([
        'kms:Decrypt',
        'kms:GenerateDataKey',
      ]);
      expect(
        ownKeyUse.every((statement) => JSON.stringify(statement.conditions).includes('kms:ViaService')),
      ).toBe(true);
    }
  });

  it('gives each task its own key secret: each server and the dealer', () => {
    const secretOf = (name: MpcTaskName): string[] =>
      resourcesFor(taskStatements(name), 'secretsmanager:GetSecretValue');
    expect(secretOf('serverA')).toEqual([expect.stringMatching(/^<MpcserverAKeySecret\w+>$/)]);
    expect(secretOf('serverB')).toEqual([expect.stringMatching(/^<MpcserverBKeySecret\w+>$/)]);
    expect(secretOf('dealer')).toEqual([expect.stringMatching(/^<MpcdealerKeySecret\w+>$/)]);
    synthesized.computationTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'mpc-dev-dealer/key',
    });
  });

  it("lets the dealer write both parties' material and read job descriptions, nothing else", () => {
    const statements = taskStatements('dealer');
    expect(keysOf(resourcesFor(statements, 's3:PutObject'))).toEqual([
      'Inputs:/dealer/A/*/*',
      'Inputs:/dealer/B/*/*',
    ]);
    expect(keysOf(resourcesFor(statements, 's3:GetObject'))).toEqual(['Inputs:/jobs/*/job.json']);
    expect(allowedActions(statements)).toEqual([
      ...DEALER_ACTIONS,
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('confines every task to the job status items of the table', () => {
    for (const name of ['serverA', 'serverB', 'dealer'] as const) {
      const statement = taskStatements(name).find((s) => s.actions.includes('dynamodb:UpdateItem'));
      expect(statement?.conditions).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['JOB#*'] },
      });
      expect(statement?.resources).toEqual([expect.stringMatching(/^<output:\w*DataTable\w*Arn\w*>$/)]);
    }
  });

  it('keeps KMS use of every task behind S3', () => {
    for (const name of ['serverA', 'serverB', 'dealer'] as const) {
      for (const statement of taskStatements(name).filter((s) =>
        s.actions.some((a) => a.startsWith('kms:')),
      )) {
        expect(JSON.stringify(statement.conditions)).toContain('kms:ViaService');
      }
    }
  });
});
