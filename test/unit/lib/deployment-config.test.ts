import { App } from 'aws-cdk-lib';
import { DEFAULT_ROWS_PER_SHARD } from '../../../contract/job/shard-plan.ts';
import { describe, expect, it } from 'vitest';
import { readDeploymentConfig, workerThreadsOf } from '../../../lib/config/deployment-config.ts';
import { retentionDays } from '../../../lib/config/log-retention.ts';
import { readApiOperations } from '../../../lib/api/openapi-operations.ts';
import { repoPaths } from '../../../lib/config/repo-paths.ts';

const configOf = (context: Record<string, unknown>) => readDeploymentConfig(new App({ context }).node);

describe('deployment config', () => {
  it('defaults to a dev environment with one example client', () => {
    expect(configOf({})).toMatchObject({
      environmentName: 'dev',
      isProduction: false,
      clientApps: ['example-client'],
    });
  });

  it('reads lists, numbers and JSON given on the command line as strings', () => {
    const config = configOf({
      'mpc:environment': 'prod',
      'mpc:clientApps': ' a , b,,c ',
      'mpc:peerPort': '9000',
      'mpc:serverPublicKeys': '[{"id":"A"}]',
    });
    expect(config).toMatchObject({
      isProduction: true,
      clientApps: ['a', 'b', 'c'],
      peerPort: 9000,
      materialPort: 7444,
      serverPublicKeysJson: '[{"id":"A"}]',
    });
  });

  it('keeps JSON given in cdk.json as JSON text', () => {
    expect(configOf({ 'mpc:serverPublicKeys': [{ id: 'A' }] }).serverPublicKeysJson).toBe('[{"id":"A"}]');
  });

  it('rejects bad names, numbers and JSON at synth', () => {
    expect(() => configOf({ 'mpc:environment': 'Prod_1' })).toThrow(/mpc:environment/);
    expect(() => configOf({ 'mpc:peerPort': '-1' })).toThrow(/mpc:peerPort/);
    expect(() => configOf({ 'mpc:materialPort': '70000' })).toThrow(
      'mpc:materialPort must be a TCP port (1 to 65535), got "70000"',
    );
    expect(() => configOf({ 'mpc:serverPublicKeys': '[{' })).toThrow();
  });

  it('runs every job unsharded unless a positive number of rows per shard is configured', () => {
    expect(configOf({}).rowsPerShard).toBe(DEFAULT_ROWS_PER_SHARD);
    expect(configOf({ 'mpc:rowsPerShard': '250000' }).rowsPerShard).toBe(250_000);
    expect(configOf({ 'mpc:rowsPerShard': 1_000_000 }).rowsPerShard).toBe(1_000_000);
    expect(() => configOf({ 'mpc:rowsPerShard': '250000', 'mpc:peerHost': 'b.internal' })).toThrow(
      'mpc:peerHost names one server B for every job, so jobs cannot run as shards (mpc:rowsPerShard): set only one of them',
    );
    expect(configOf({ 'mpc:peerHost': 'b.internal' }).peerHost).toBe('b.internal');
    for (const bad of ['0', '-5', '2.5', 'many', '1e300'])
      expect(() => configOf({ 'mpc:rowsPerShard': bad })).toThrow(
        `mpc:rowsPerShard must be a positive integer, got "${bad}"`,
      );
  });

  it('sizes the servers and the dealer at two vCPUs unless told, one worker thread per vCPU', () => {
    const defaults = configOf({});
    expect(defaults.serverTaskSize).toEqual({ cpu: 2048, memoryMiB: 4096 });
    expect(defaults.dealerTaskSize).toEqual({ cpu: 2048, memoryMiB: 4096 });
    const config = configOf({
      'mpc:serverTaskSize': '{"cpu":4096,"memoryMiB":8192}',
      'mpc:dealerTaskSize': { cpu: 512, memoryMiB: 2048 },
    });
    expect(config.serverTaskSize).toEqual({ cpu: 4096, memoryMiB: 8192 });
    expect(workerThreadsOf(config.serverTaskSize)).toBe(4);
    expect(workerThreadsOf(config.dealerTaskSize)).toBe(1);
    expect(() => configOf({ 'mpc:serverTaskSize': { cpu: 3000, memoryMiB: 4096 } })).toThrow(
      /mpc:serverTaskSize.cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384, got 3000/,
    );
    expect(() => configOf({ 'mpc:dealerTaskSize': { cpu: 2048, memoryMiB: 2048 } })).toThrow(
      /mpc:dealerTaskSize.memoryMiB for cpu 2048 must be 4096 to 16384 in steps of 1024, got 2048/,
    );
  });

  it('reads the three administrative domains, each optional, and rejects malformed ones', () => {
    expect(configOf({}).domains).toEqual({ coordinator: {}, serverA: {}, serverB: {} });
    const domains = {
      coordinator: { account: '111111111111', region: 'eu-west-1' },
      serverB: {
        account: '333333333333',
        region: 'eu-central-1',
        taskNetwork: { subnets: ['subnet-1'], securityGroups: ['sg-1'] },
      },
    };
    expect(configOf({ 'mpc:domains': JSON.stringify(domains) }).domains).toEqual({
      ...domains,
      serverA: {},
    });
    expect(() => configOf({ 'mpc:domains': { dealer: {} } })).toThrow(/mpc:domains/);
    expect(() => configOf({ 'mpc:domains': { serverA: { account: '12', region: 'eu-west-1' } } })).toThrow(
      /serverA.account/,
    );
    expect(() => configOf({ 'mpc:domains': { serverA: { account: '222222222222' } } })).toThrow(
      /both account and region/,
    );
    expect(() =>
      configOf({ 'mpc:domains': { serverA: { taskNetwork: { subnets: [], securityGroups: ['sg-1'] } } } }),
    ).toThrow(/taskNetwork/);
  });

  it('rounds log retention up to a period CloudWatch accepts', () => {
    expect(retentionDays(90)).toBe(90);
    expect(retentionDays(100)).toBe(120);
    expect(retentionDays(1)).toBe(1);
  });
});

describe('OpenAPI operations', () => {
  it('reads method, path and security of every operation', () => {
    const operations = readApiOperations(repoPaths.openApiSpec);
    expect(operations.find((o) => o.operationId === 'getHealth')).toMatchObject({
      method: 'GET',
      path: '/v1/health',
      requiresAuth: false,
    });
    expect(operations.find((o) => o.operationId === 'completeInput')).toMatchObject({
      method: 'POST',
      path: '/v1/collaborations/{collaborationId}/inputs/{inputId}/complete',
      requiresAuth: true,
    });
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });
});
