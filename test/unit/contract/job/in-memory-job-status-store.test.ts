import { describe, expect, it } from 'vitest';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';
import {
  combineJobStatus,
  describeUnfinished,
  validatePartyState,
} from '../../../../contract/job/job-status.ts';
import { describeJobStatusStoreContract } from './job-status-store-contract.ts';

describeJobStatusStoreContract('in memory', (clock) => new InMemoryJobStatusStore(clock));

describe('combineJobStatus', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it('is FAILED as soon as one party failed, even if the others are DONE', () => {
    const status = combineJobStatus('j', [
      { party: 'A', state: 'DONE', updatedAt: at, heartbeatAt: at },
      { party: 'B', state: 'DONE', updatedAt: at, heartbeatAt: at },
      { party: 'DEALER', state: 'FAILED', reasonCode: 'X', message: 'm', updatedAt: at, heartbeatAt: at },
    ]);
    expect(status.overall).toBe('FAILED');
  });

  it('is not DONE while a party has not reported', () => {
    const status = combineJobStatus('j', [
      { party: 'A', state: 'DONE', updatedAt: at, heartbeatAt: at },
      { party: 'B', state: 'DONE', updatedAt: at, heartbeatAt: at },
    ]);
    expect(status.overall).toBe('RUNNING');
    expect(status.progress).toBeCloseTo(2 / 3);
  });

  it('cuts long failure messages', () => {
    const state = validatePartyState({ state: 'FAILED', reasonCode: 'X', message: 'x'.repeat(5_000) });
    expect(state.state === 'FAILED' && state.message.length).toBe(1_000);
  });

  it('describes what the unfinished parties do and how long nothing changed', () => {
    const status = combineJobStatus('j', [
      { party: 'DEALER', state: 'DONE', updatedAt: at, heartbeatAt: at },
      {
        party: 'B',
        state: 'RUNNING',
        progress: 0,
        phase: 'waiting for peer A on port 4100',
        updatedAt: at,
        heartbeatAt: '2026-01-01T00:04:05.000Z',
      },
    ]);
    expect(describeUnfinished(status, new Date('2026-01-01T00:04:10.400Z'))).toBe(
      'B: waiting for peer A on port 4100 (0%, unchanged 250 s, heartbeat 5 s ago); A: no report yet',
    );
  });
});
