import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SINGLE_OPERATOR_WARNING } from '../../../lib/mpc-app.ts';
import { allowedActions, render, resourcesFor, statementsOfRole } from './iam-statements.ts';
import { synthesizeApp, type SynthesizedApp } from './synthesize.ts';

const ACCOUNTS = { coordinator: '111111111111', serverA: '222222222222', serverB: '333333333333' };
const DOMAINS = {
  coordinator: { account: ACCOUNTS.coordinator, region: 'eu-west-1' },
  serverA: {
    account: ACCOUNTS.serverA,
    region: 'eu-west-1',
    taskNetwork: { subnets: ['subnet-0a1'], securityGroups: ['sg-0a1'] },
  },
  serverB: {
    account: ACCOUNTS.serverB,
    region: 'eu-central-1',
    taskNetwork: { subnets: ['subnet-0b1', 'subnet-0b2'], securityGroups: ['sg-0b1'] },
  },
};

let three: SynthesizedApp;
let serverB: Template;
beforeAll(() => {
  three = synthesizeApp({ 'mpc:domains': DOMAINS });
  serverB = three.serverTemplates.B;
}, 240_000);

/** Every statement of the resource policies of one type (bucket, key, table, secret) in a template. */
const resourcePolicyStatements = (template: Template, type: string, property: string) =>
  Object.values(template.findResources(type)).flatMap(
    (resource) => resource.Properties[property]?.Statement ?? resource.Properties[property] ?? [],
  ) as Record<string, unknown>[];

describe('three administrative domains', () => {
  it('puts the coordinator (with the dealer and workflow), server A and server B in three accounts', () => {
    const { coordinator, computation, servers, workflow } = three;
    const accounts = [coordinator.account, servers.A.account, servers.B.account];
    expect(accounts).toEqual([ACCOUNTS.coordinator, ACCOUNTS.serverA, ACCOUNTS.serverB]);
    expect(new Set(accounts).size).toBe(3);
    expect(computation.account).toBe(ACCOUNTS.coordinator);
    expect(workflow?.account).toBe(ACCOUNTS.coordinator);
    expect(servers.B.region).toBe('eu-central-1');
    expect(three.singleOperator).toBe(false);
    expect(three.warnings).toEqual([]);
  });

  it('gives each server its own task definition, KMS key, key secret and input bucket', () => {
    for (const party of ['A', 'B'] as const) {
      const template = three.serverTemplates[party];
      expect(
        Object.values(template.findResources('AWS::ECS::TaskDefinition')).map((d) => d.Properties.Family),
      ).toEqual([`mpc-dev-server${party}`]);
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `mpc-dev-server${party}/key`,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ServerKey'), 'Arn'] },
      });
      const account = ACCOUNTS[`server${party}`];
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: Match.stringLikeRegexp(`^mpc-dev-inputs-${party.toLowerCase()}-${account}-`),
        BucketEncryption: Match.objectLike({
          ServerSideEncryptionConfiguration: [
            Match.objectLike({
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ServerKey'), 'Arn'] },
              },
            }),
          ],
        }),
      });
    }
  });

  it("lets the coordinator's role in B's account only run B's task, presign PutObject and list under B's input prefix", () => {
    const { coordinatorAccess, task } = three.servers.B;
    const role = Object.values(serverB.findResources('AWS::IAM::Role')).find(
      (resource) => resource.Properties.RoleName === 'mpc-dev-coordinator-access-b',
    );
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNTS.coordinator}:root` },
      },
    ]);
    const statements = statementsOfRole(serverB, coordinatorAccess.role);
    expect(allowedActions(statements)).toEqual([
      'ecs:RunTask',
      'iam:PassRole',
      'kms:GenerateDataKey',
      's3:ListBucket',
      's3:PutObject',
    ]);
    expect(statements.every((statement) => statement.effect === 'Allow')).toBe(true);
    expect(resourcesFor(statements, 'ecs:RunTask')).toEqual([
      `arn:aws:ecs:eu-central-1:${ACCOUNTS.serverB}:task-definition/mpc-dev-serverB:*`,
    ]);
    const runTask = statements.find((statement) => statement.actions.includes('ecs:RunTask'));
    expect(JSON.stringify(runTask?.conditions)).toMatch(/ecs:cluster.*MpcCluster/);
    const roleId = (r: { node: { defaultChild?: unknown } }) =>
      `<${three.servers.B.getLogicalId(r.node.defaultChild as never)}.Arn>`;
    expect(resourcesFor(statements, 'iam:PassRole')).toEqual(
      [roleId(task.taskRole), roleId(task.taskDefinition.obtainExecutionRole() as never)].sort(),
    );
    expect(resourcesFor(statements, 's3:PutObject')).toEqual([
      expect.stringMatching(/^<Inputs\w+\.Arn>\/inputs\/B\/\*\/\*\.share$/),
    ]);
    const keyUse = statements.find((statement) => statement.actions.includes('kms:GenerateDataKey'));
    expect(keyUse?.resources).toEqual([expect.stringMatching(/^<ServerKey\w+\.Arn>$/)]);
    expect(keyUse?.conditions).toEqual({
      StringEquals: { 'kms:ViaService': 's3.eu-central-1.amazonaws.com' },
    });
    // completeInput's check lists the share's own key: a listing under B's input prefix, never a read.
    const listing = statements.find((statement) => statement.actions.includes('s3:ListBucket'));
    expect(listing?.resources).toEqual([expect.stringMatching(/^<Inputs\w+\.Arn>$/)]);
    expect(listing?.conditions).toEqual({ StringLike: { 's3:prefix': ['inputs/B/*'] } });
    expect(allowedActions(statements)).not.toContain('s3:GetObject');
    expect(JSON.stringify(statements)).not.toMatch(/GetObject|kms:Decrypt|secretsmanager|dynamodb|logs:/);
  });

  it("lets only B's task role read B's key secret", () => {
    const { task } = three.servers.B;
    const [secretPolicy] = resourcePolicyStatements(
      serverB,
      'AWS::SecretsManager::ResourcePolicy',
      'ResourcePolicy',
    );
    expect(secretPolicy).toEqual({
      Action: 'secretsmanager:GetSecretValue',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Resource: '*',
      Condition: {
        StringNotEquals: {
          'aws:PrincipalArn': {
            'Fn::GetAtt': [three.servers.B.getLogicalId(task.taskRole.node.defaultChild as never), 'Arn'],
          },
        },
      },
    });
    // No other role of B's account is granted it.
    const readers = Object.values(serverB.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('GetSecretValue'))
      .flatMap((policy) => (policy.Properties.Roles as unknown[]).map(render));
    expect(readers).toEqual([`<${three.servers.B.getLogicalId(task.taskRole.node.defaultChild as never)}>`]);
  });

  it("brings job status back as the servers' own writes of JOB# items to the coordinator's table", () => {
    const [table] = Object.values(three.coordinatorTemplate.findResources('AWS::DynamoDB::GlobalTable'));
    const statements = table?.Properties.Replicas[0].ResourcePolicy.PolicyDocument.Statement;
    expect(statements).toEqual([
      {
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Effect: 'Allow',
        Principal: {
          AWS: [
            `arn:aws:iam::${ACCOUNTS.serverA}:role/mpc-dev-serverA-task`,
            `arn:aws:iam::${ACCOUNTS.serverB}:role/mpc-dev-serverB-task`,
          ],
        },
        Resource: '*',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['JOB#*'] } },
      },
    ]);
    const taskStatements = statementsOfRole(serverB, three.servers.B.task.taskRole);
    expect(resourcesFor(taskStatements, 'dynamodb:PutItem')).toEqual([
      `arn:<AWS::Partition>:dynamodb:eu-west-1:${ACCOUNTS.coordinator}:table/mpc-dev-collaborations`,
    ]);
    const [definition] = Object.values(serverB.findResources('AWS::ECS::TaskDefinition'));
    expect(definition?.Properties.ContainerDefinitions[0].Environment).toEqual(
      expect.arrayContaining([
        {
          Name: 'TABLE_NAME',
          Value: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                `:dynamodb:eu-west-1:${ACCOUNTS.coordinator}:table/mpc-dev-collaborations`,
              ],
            ],
          },
        },
      ]),
    );
  });

  it("grants each server's task role, by name, only its own prefixes of the coordinator's buckets and key", () => {
    const bucketStatements = resourcePolicyStatements(
      three.coordinatorTemplate,
      'AWS::S3::BucketPolicy',
      'PolicyDocument',
    ).filter((statement) => statement.Effect === 'Allow' && JSON.stringify(statement).includes('-task'));
    const granted = bucketStatements.map((statement) => ({
      principal: (statement.Principal as { AWS: string }).AWS,
      actions: statement.Action,
      keys: [statement.Resource].flat().map((arn) => render(arn).replace(/^<[^>]*>/, '')),
    }));
    for (const party of ['A', 'B'] as const) {
      const principal = `arn:aws:iam::${ACCOUNTS[`server${party}`]}:role/mpc-dev-server${party}-task`;
      expect(granted.filter((grant) => grant.principal === principal)).toEqual([
        { principal, actions: 's3:GetObject', keys: [`/dealer/${party}/*/*`, '/jobs/*/job.json'] },
        { principal, actions: 's3:ListBucket', keys: [''] },
        { principal, actions: 's3:PutObject', keys: [`/results/${party}/*/*.share`] },
      ]);
    }
    const keyStatements = resourcePolicyStatements(three.coordinatorTemplate, 'AWS::KMS::Key', 'KeyPolicy');
    const shareKey = keyStatements.find((statement) => JSON.stringify(statement).includes('-task'));
    expect(shareKey?.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } });
  });

  it("starts each server's task in its account with the role its operator granted, on its published network", () => {
    const template = Template.fromStack(three.workflow!);
    const [stateMachine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    const substitutions = stateMachine?.Properties.DefinitionSubstitutions;
    expect(substitutions).toMatchObject({
      ServerBAccessRoleArn: `arn:aws:iam::${ACCOUNTS.serverB}:role/mpc-dev-coordinator-access-b`,
      ServerBClusterArn: `arn:aws:ecs:eu-central-1:${ACCOUNTS.serverB}:cluster/mpc-dev-server-b`,
      ServerBTaskDefinitionArn: `arn:aws:ecs:eu-central-1:${ACCOUNTS.serverB}:task-definition/mpc-dev-serverB`,
      ServerAAccessRoleArn: `arn:aws:iam::${ACCOUNTS.serverA}:role/mpc-dev-coordinator-access-a`,
    });
    const [prepare] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
      id.startsWith('PrepareAttempt'),
    );
    const network = JSON.stringify(prepare?.[1].Properties.Environment.Variables.MPC_TASK_NETWORK);
    expect(network).toContain(
      '\\"serverB\\":{\\"Subnets\\":[\\"subnet-0b1\\",\\"subnet-0b2\\"],\\"SecurityGroups\\":[\\"sg-0b1\\"]',
    );
  });

  it('reports no cdk-nag finding in any of the five stacks', () => {
    const { coordinator, computation, servers, workflow } = three;
    for (const stack of [coordinator, computation, servers.A, servers.B, workflow!]) {
      const annotations = Annotations.fromStack(stack);
      expect(
        [
          ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-')),
          ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-')),
        ].map((finding) => finding.id),
        stack.stackName,
      ).toEqual([]);
    }
  });
});

describe('one account for development', () => {
  it('warns on stderr and as a CDK annotation that privacy rests on one operator', () => {
    const single = synthesizeApp();
    expect(single.singleOperator).toBe(true);
    expect(single.warnings).toEqual([SINGLE_OPERATOR_WARNING]);
    expect(SINGLE_OPERATOR_WARNING).toMatch(/privacy rests on one operator/);
    Annotations.fromStack(single.coordinator).hasWarning(
      '*',
      Match.stringLikeRegexp('privacy rests on one operator'),
    );
  }, 240_000);

  it('leaves the workflow out until a server in another account has published its task network', () => {
    const { serverB: withoutNetwork, ...others } = DOMAINS;
    const { taskNetwork: _unused, ...bare } = withoutNetwork;
    const pending = synthesizeApp({ 'mpc:domains': { ...others, serverB: bare } });
    expect(pending.workflow).toBeUndefined();
    expect(pending.servers.B.account).toBe(ACCOUNTS.serverB);
  }, 240_000);
});
