import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKFLOW_SETTINGS,
  workflowSettingsFrom,
} from '../../../../lambdas/handlers/workflow/workflow-settings.ts';

describe('workflow settings from the environment', () => {
  it('defaults, and one network configuration for all tasks or one per task', () => {
    expect(workflowSettingsFrom({})).toEqual(DEFAULT_WORKFLOW_SETTINGS);
    const one = { Subnets: ['s-1'], SecurityGroups: ['sg-all'] };
    expect(workflowSettingsFrom({ MPC_TASK_NETWORK: JSON.stringify(one) }).taskNetworks).toEqual({
      dealer: one,
      serverB: one,
      serverA: one,
    });
    const each = {
      dealer: { SecurityGroups: ['d'] },
      serverB: { SecurityGroups: ['b'] },
      serverA: { SecurityGroups: ['a'] },
    };
    expect(workflowSettingsFrom({ MPC_TASK_NETWORK: JSON.stringify(each) }).taskNetworks).toEqual(each);
  });

  it('refuses out-of-range numbers and bad JSON, naming each', () => {
    const refuse = () => workflowSettingsFrom({ MPC_ATTEMPTS: '0', MPC_TASK_NETWORK: '{' });
    expect(refuse).toThrow('MPC_ATTEMPTS must be an integer 1..10');
    expect(refuse).toThrow('MPC_TASK_NETWORK is not JSON');
  });

  it('reads the rows per shard, refusing what is no positive integer', () => {
    expect(workflowSettingsFrom({ MPC_ROWS_PER_SHARD: '250000' }).rowsPerShard).toBe(250_000);
    for (const bad of ['0', '-3', '1.5', 'many'])
      expect(() => workflowSettingsFrom({ MPC_ROWS_PER_SHARD: bad })).toThrow(
        'MPC_ROWS_PER_SHARD must be an integer 1..1099511627776',
      );
  });

  it('keeps all attempts’ polls within the execution history limit', () => {
    expect(workflowSettingsFrom({ MPC_ATTEMPTS: '2', POLLS_PER_ATTEMPT: '1000' }).pollsPerAttempt).toBe(1000);
    expect(() => workflowSettingsFrom({ MPC_ATTEMPTS: '3', POLLS_PER_ATTEMPT: '1000' })).toThrow(
      'MPC_ATTEMPTS x POLLS_PER_ATTEMPT must be at most 2000',
    );
  });
});
