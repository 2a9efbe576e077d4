import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BUNDLING_STACKS, DISABLE_ASSET_STAGING_CONTEXT } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeploymentConfig } from '../../../lib/config/deployment-config.ts';
import type { MpcTaskName } from '../../../lib/constructs/mpc-tasks.ts';
import { applyNagChecks } from '../../../lib/mpc-app.ts';
import { ComputationStack } from '../../../lib/stacks/computation-stack.ts';
import { allowedActions, resourcesFor, statementsOfRole, type RenderedStatement } from './iam-statements.ts';
import { cdkJsonContext, synthesizeApp, type SynthesizedApp } from './synthesize.ts';

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeApp();
});

/** Every MPC task's actions: its job status, its objects under the share key. The servers add their key secret. */
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
const taskStatements = (name: MpcTaskName): RenderedStatement[] =>
  statementsOfRole(synthesized.computationTemplate, synthesized.computation.mpc.task(name).taskRole);
/** Object keys in the rendered ARNs, without the bucket reference. */
const keysOf = (arns: readonly string[]): string[] =>
  arns.map((arn) => arn.replace(/^<[^>]*(Inputs|Results)[^>]*>/, '$1:')).sort();

describe('network', () => {
  it('has isolated subnets only: no internet or NAT gateway', () => {
    const template = synthesized.computationTemplate;
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    for (const subnet of Object.values(template.findResources('AWS::EC2::Subnet'))) {
      expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    }
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL' });
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

  it('lets only server A reach server B, on the peer port', () => {
    const template = synthesized.computationTemplate;
    const groupId = (name: MpcTaskName): string =>
      synthesized.computation.getLogicalId(
        synthesized.computation.mpc.task(name).securityGroup.node.defaultChild as never,
      );
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'));
    const toTasks = ingress.filter((rule) =>
      (['serverA', 'serverB', 'dealer'] as const).some(
        (name) => rule.Properties.GroupId['Fn::GetAtt']?.[0] === groupId(name),
      ),
    );
    expect(toTasks).toEqual([
      expect.objectContaining({
        Properties: expect.objectContaining({
          GroupId: { 'Fn::GetAtt': [groupId('serverB'), 'GroupId'] },
          SourceSecurityGroupId: { 'Fn::GetAtt': [groupId('serverA'), 'GroupId'] },
          FromPort: 7443,
          ToPort: 7443,
          IpProtocol: 'tcp',
        }),
      }),
    ]);
    for (const name of ['serverA', 'serverB', 'dealer'] as const) {
      const group = template.toJSON().Resources[groupId(name)];
      expect(group.Properties.SecurityGroupIngress ?? []).toEqual([]);
    }
  });
});

describe('tasks', () => {
  it('runs A, B and the dealer as arm64 Fargate tasks of one image, with logs and their own roles', () => {
    const template = synthesized.computationTemplate;
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    const definitions = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
    expect(definitions.map((d) => d.Properties.Family).sort()).toEqual([
      'mpc-dev-dealer',
      'mpc-dev-serverA',
      'mpc-dev-serverB',
    ]);
    const images = new Set<string>();
    const taskRoles = new Set<string>();
    for (const definition of definitions) {
      expect(definition.Properties.RequiresCompatibilities).toEqual(['FARGATE']);
      expect(definition.Properties.RuntimePlatform).toEqual({
        CpuArchitecture: 'ARM64',
        OperatingSystemFamily: 'LINUX',
      });
      const [container] = definition.Properties.ContainerDefinitions;
      expect(container.LogConfiguration.LogDriver).toBe('awslogs');
      expect(container.ReadonlyRootFilesystem).toBe(true);
      images.add(JSON.stringify(container.Image));
      taskRoles.add(JSON.stringify(definition.Properties.TaskRoleArn));
    }
    expect(images.size).toBe(1);
    expect(taskRoles.size).toBe(3);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'mpc-dev-serverB',
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'serverB',
          EntryPoint: ['node', '--enable-source-maps', 'mpc-server.mjs'],
          Command: ['--party', 'B'],
          PortMappings: [{ ContainerPort: 7443, Protocol: 'tcp' }],
          Environment: Match.arrayWith([
            { Name: 'PEER_PORT', Value: '7443' },
            { Name: 'KEY_SECRET_ARN', Value: { Ref: Match.stringLikeRegexp('^MpcserverBKeySecret') } },
          ]),
        }),
      ],
    });
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBe(90);
    }
  });

  it('gives each server its peer’s TLS fingerprint from the deployment context, and the dealer none', () => {
    const keys = (['A', 'B'] as const).map((id) => ({
      id,
      publicKey: 'k',
      tlsFingerprint: `fingerprint-${id}`,
    }));
    const template = synthesizeApp({ 'mpc:serverPublicKeys': JSON.stringify(keys) }).computationTemplate;
    const environmentOf = (family: string): { Name: string; Value: unknown }[] => {
      const [definition] = Object.values(
        template.findResources('AWS::ECS::TaskDefinition', { Properties: { Family: family } }),
      );
      return definition?.Properties.ContainerDefinitions[0].Environment ?? [];
    };
    const fingerprint = (family: string) =>
      environmentOf(family).find((variable) => variable.Name === 'PEER_TLS_FINGERPRINT')?.Value;
    expect(fingerprint('mpc-dev-serverA')).toBe('fingerprint-B');
    expect(fingerprint('mpc-dev-serverB')).toBe('fingerprint-A');
    expect(environmentOf('mpc-dev-dealer').length).toBeGreaterThan(0);
    expect(fingerprint('mpc-dev-dealer')).toBeUndefined();
  });

  it('lets each server read only its own input shares and dealer material, and write only its own results', () => {
    for (const [party, other] of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      const statements = taskStatements(`server${party}`);
      expect(keysOf(resourcesFor(statements, 's3:GetObject'))).toEqual([
        `Inputs:/dealer/${party}/*/*`,
        `Inputs:/inputs/${party}/*/*.share`,
        'Inputs:/jobs/*/job.json',
      ]);
      expect(keysOf(resourcesFor(statements, 's3:PutObject'))).toEqual([
        `Results:/results/${party}/*/*.share`,
      ]);
      expect(JSON.stringify(statements)).not.toContain(`/${other}/`);
      const listing = statements.find((statement) => statement.actions.includes('s3:ListBucket'));
      expect(listing?.conditions).toEqual({
        StringLike: { 's3:prefix': ['jobs/*', `inputs/${party}/*`, `dealer/${party}/*`] },
      });
      expect(allowedActions(statements)).toEqual([
        ...DEALER_ACTIONS,
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
    }
  });

  it('gives each server its own key secret and the dealer none', () => {
    const secretOf = (name: MpcTaskName): string[] =>
      resourcesFor(taskStatements(name), 'secretsmanager:GetSecretValue');
    expect(secretOf('serverA')).toEqual([expect.stringMatching(/^<MpcserverAKeySecret\w+>$/)]);
    expect(secretOf('serverB')).toEqual([expect.stringMatching(/^<MpcserverBKeySecret\w+>$/)]);
    expect(secretOf('dealer')).toEqual([]);
  });

  it("lets the dealer write both parties' material and read job descriptions, nothing else", () => {
    const statements = taskStatements('dealer');
    expect(keysOf(resourcesFor(statements, 's3:PutObject'))).toEqual([
      'Inputs:/dealer/A/*/*',
      'Inputs:/dealer/B/*/*',
    ]);
    expect(keysOf(resourcesFor(statements, 's3:GetObject'))).toEqual(['Inputs:/jobs/*/job.json']);
    expect(allowedActions(statements)).toEqual(DEALER_ACTIONS);
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

describe('server B in another account', () => {
  it("deploys only B, with imported shared resources, admitting the peer link from A's network", () => {
    const app = new App({
      context: { ...cdkJsonContext(), [BUNDLING_STACKS]: [], [DISABLE_ASSET_STAGING_CONTEXT]: true },
    });
    const env = { account: '222222222222', region: 'eu-west-1' };
    // Holds only the imported references; CloudFormation rejects an empty template, hence the handle.
    const shared = new Stack(app, 'SharedReferences', { env });
    new CfnWaitConditionHandle(shared, 'NotEmpty');
    const config = readDeploymentConfig(app.node);
    const stack = new ComputationStack(app, 'ServerBAccount', {
      env,
      config,
      inputBucket: s3.Bucket.fromBucketName(shared, 'Inputs', 'mpc-prod-inputs'),
      resultBucket: s3.Bucket.fromBucketName(shared, 'Results', 'mpc-prod-results'),
      shareKey: kms.Key.fromKeyArn(
        shared,
        'Key',
        'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      ),
      table: dynamodb.TableV2.fromTableArn(
        shared,
        'Table',
        'arn:aws:dynamodb:eu-west-1:111111111111:table/mpc-prod-collaborations',
      ),
      taskNames: ['serverB'],
      remotePeer: ec2.Peer.ipv4('10.7.0.0/16'),
    });
    applyNagChecks(app);
    app.synth();
    const template = Template.fromStack(stack);
    expect(
      Object.values(template.findResources('AWS::ECS::TaskDefinition')).map((d) => d.Properties.Family),
    ).toEqual(['mpc-dev-serverB']);
    const group =
      template.toJSON().Resources[
        stack.getLogicalId(stack.mpc.task('serverB').securityGroup.node.defaultChild as never)
      ];
    expect(group.Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: '10.7.0.0/16', FromPort: 7443, ToPort: 7443, IpProtocol: 'tcp' }),
    ]);
    expect(() => stack.mpc.task('serverA')).toThrow(/does not run serverA/);
    const statements = statementsOfRole(template, stack.mpc.task('serverB').taskRole);
    expect(resourcesFor(statements, 's3:GetObject')).toEqual([
      'arn:aws:s3:::mpc-prod-inputs/dealer/B/*/*',
      'arn:aws:s3:::mpc-prod-inputs/inputs/B/*/*.share',
      'arn:aws:s3:::mpc-prod-inputs/jobs/*/job.json',
    ]);
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'))).toEqual([]);
  });
});
