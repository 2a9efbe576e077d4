import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeApp, type SynthesizedApp } from './synthesize.ts';

let production: SynthesizedApp;
let stacks: Stack[];
beforeAll(() => {
  production = synthesizeApp({
    'mpc:environment': 'prod',
    'mpc:clientApps': 'hospital-a,lab-b',
    'mpc:alarmEmail': 'ops@example.org',
  });
  stacks = [
    production.coordinator,
    production.computation,
    production.servers.A,
    production.servers.B,
    production.workflow!,
  ];
});

interface NagSuppression {
  id: string;
  reason: string;
  applies_to?: unknown[];
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unsuppressed finding in any stack', () => {
    for (const stack of stacks) {
      const annotations = Annotations.fromStack(stack);
      const findings = [
        ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-|CdkNag')),
        ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-|CdkNag')),
      ];
      expect(
        findings.map((finding) => `${finding.id}: ${String(finding.entry.data).slice(0, 120)}`),
        stack.stackName,
      ).toEqual([]);
    }
  });

  it('gives every suppression a reason', () => {
    let count = 0;
    for (const stack of stacks) {
      for (const construct of stack.node.findAll()) {
        const metadata = construct.node.metadata.find((entry) => entry.type === 'cdk_nag') ?? undefined;
        const fromCfn = (
          construct as { cfnOptions?: { metadata?: { cdk_nag?: { rules_to_suppress: NagSuppression[] } } } }
        ).cfnOptions?.metadata?.cdk_nag?.rules_to_suppress;
        for (const suppression of [
          ...(fromCfn ?? []),
          ...((metadata?.data as NagSuppression[] | undefined) ?? []),
        ]) {
          count += 1;
          expect(suppression.reason.length, `${construct.node.path} ${suppression.id}`).toBeGreaterThan(30);
        }
      }
    }
    expect(count).toBeGreaterThan(10);
  });
});

describe('production environment', () => {
  it('keeps data: deletion protection on the table, retained table, buckets and key', () => {
    const template = Template.fromStack(production.coordinator);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: 'mpc-prod-collaborations',
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
      }),
    });
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::Cognito::UserPool']) {
      const retained = Object.values(template.findResources(type)).filter(
        (resource) => resource.DeletionPolicy === 'Retain',
      );
      expect(retained.length, type).toBeGreaterThan(0);
    }
    template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  it('creates one app client per configured client app and subscribes the alarm address', () => {
    const template = Template.fromStack(production.coordinator);
    const names = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).map(
      (c) => c.Properties.ClientName,
    );
    expect(names.sort()).toEqual(['hospital-a', 'lab-b']);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });
});
