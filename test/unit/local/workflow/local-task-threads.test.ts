import { describe, expect, it } from 'vitest';
import { localTaskThreads } from '../../../../local/workflow/local-workflow-system.ts';

describe('localTaskThreads', () => {
  it("shares the cores among a job's three tasks, at least one thread each", () => {
    expect(localTaskThreads(2, undefined)).toBe('1');
    expect(localTaskThreads(1, undefined)).toBe('1');
    expect(localTaskThreads(6, undefined)).toBe('2');
    expect(localTaskThreads(16, undefined)).toBe('5');
  });

  it('keeps a thread count the operator set', () => {
    expect(localTaskThreads(2, '2')).toBe('2');
  });
});
