import { describe, expect, it } from 'vitest';
import { newCollaboration, draftViolations } from '../../../../lambdas/domain/collaboration.ts';
import {
  canTransition,
  COLLABORATION_STATUSES,
  isTerminal,
} from '../../../../contract/collaboration-status.ts';
import { DomainError } from '../../../../lambdas/domain/errors.ts';
import { publicKeyViolations, webhookUrlViolations } from '../../../../lambdas/domain/participation.ts';
import { shareViolations } from '../../../../lambdas/domain/input.ts';
import { validDraft } from '../support/drafts.ts';

const now = new Date('2030-01-01T00:00:00.000Z');
const ids = { collaborationId: 'c1', ownerId: 'owner-1' };
const paths = (draft: Parameters<typeof draftViolations>[0]) =>
  draftViolations(draft, now).map((v) => v.path);

describe('collaboration declaration rules', () => {
  it('accepts a valid declaration and makes the caller its owner, OPEN, with zero counts', () => {
    const collaboration = newCollaboration(validDraft(now), ids, now);
    expect(collaboration).toMatchObject({ ownerId: 'owner-1', status: 'OPEN', participantCount: 0 });
    expect(collaboration.inputDeadline).toBe(new Date(validDraft(now).inputDeadline).toISOString());
  });

  it('normalises the deadline so that string order is time order', () => {
    const draft = validDraft(now, { inputDeadline: '2030-01-02T01:00:00+01:00' });
    expect(newCollaboration(draft, ids, now).inputDeadline).toBe('2030-01-02T00:00:00.000Z');
  });

  it('refuses with a validation DomainError listing every violation', () => {
    const draft = validDraft(now, { name: '  ', minParticipants: 5, maxParticipants: 3 });
    const error = (() => {
      try {
        newCollaboration(draft, ids, now);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('validation-error');
    expect((error as DomainError).violations.map((v) => v.path)).toEqual(['/name', '/minParticipants']);
  });

  it('requires participant limits 1..1000 with min <= max', () => {
    expect(paths(validDraft(now, { minParticipants: 0 }))).toContain('/minParticipants');
    expect(paths(validDraft(now, { maxParticipants: 1001 }))).toContain('/maxParticipants');
    expect(paths(validDraft(now, { minParticipants: 1000, maxParticipants: 1000 }))).toEqual([]);
  });

  it('requires a deadline in the future and at most a year ahead', () => {
    expect(paths(validDraft(now, { inputDeadline: now.toISOString() }))).toEqual(['/inputDeadline']);
    expect(paths(validDraft(now, { inputDeadline: '2031-06-01T00:00:00Z' }))).toEqual(['/inputDeadline']);
  });

  it('requires unique field names, bounds in order, fractional bits 0..30 and encodable bounds', () => {
    const fields = (f: object[]) =>
      validDraft(now, { analyses: [{ kind: 'count' }], inputSchema: { fields: f as never } });
    expect(
      paths(
        fields([
          { name: 'a', type: 'int' },
          { name: 'a', type: 'fixed' },
        ]),
      ),
    ).toEqual(['/inputSchema/fields/1/name']);
    expect(paths(fields([{ name: 'a', type: 'int', min: 3, max: 2 }]))).toEqual([
      '/inputSchema/fields/0/min',
    ]);
    expect(paths(fields([{ name: 'a', type: 'fixed', fractionalBits: 31 }]))).toEqual([
      '/inputSchema/fields/0/fractionalBits',
    ]);
    expect(paths(fields([{ name: 'a', type: 'int', max: 1.5 }]))).toEqual(['/inputSchema/fields/0/max']);
    expect(paths(fields([{ name: 'a', type: 'fixed', fractionalBits: 30, max: 2 ** 33 }]))).toEqual([
      '/inputSchema/fields/0/max',
    ]);
  });

  it('checks analyses against fields and their kind parameters', () => {
    const analyses = (a: object[]) => paths(validDraft(now, { analyses: a as never }));
    expect(analyses([{ kind: 'count', field: 'age' }])).toEqual(['/analyses/0/field']);
    expect(analyses([{ kind: 'sum', field: 'weight' }])).toEqual(['/analyses/0/field']);
    expect(analyses([{ kind: 'sum' }])).toEqual([]);
    expect(analyses([{ kind: 'histogram', field: 'age' }])).toEqual(['/analyses/0/binEdges']);
    expect(analyses([{ kind: 'histogram', field: 'age', binEdges: [1, 1] }])).toEqual([
      '/analyses/0/binEdges',
    ]);
    expect(analyses([{ kind: 'mean', field: 'age', binEdges: [1, 2] }])).toEqual(['/analyses/0/binEdges']);
    expect(analyses([{ kind: 'countBelow', field: 'age' }])).toEqual(['/analyses/0/threshold']);
    expect(analyses([{ kind: 'max', field: 'age', threshold: 3 }])).toEqual(['/analyses/0/threshold']);
    expect(
      analyses([
        { kind: 'min', field: 'age' },
        { kind: 'min', field: 'age' },
      ]),
    ).toEqual(['/analyses/1']);
  });

  it('accepts a recipient list without repeats, no longer than maxParticipants', () => {
    expect(paths(validDraft(now, { resultRecipients: ['a', 'b'] }))).toEqual([]);
    expect(paths(validDraft(now, { resultRecipients: ['a', 'a'] }))).toEqual(['/resultRecipients']);
    expect(paths(validDraft(now, { resultRecipients: ['a', 'b', 'c'], maxParticipants: 2 }))).toEqual([
      '/resultRecipients',
    ]);
  });
});

describe('status machine', () => {
  it('follows OPEN -> COMPUTING -> RESULT_READY -> COMPLETED, with FAILED, CANCELLED and EXPIRED as exits', () => {
    expect(canTransition('OPEN', 'COMPUTING')).toBe(true);
    expect(canTransition('COMPUTING', 'RESULT_READY')).toBe(true);
    expect(canTransition('RESULT_READY', 'COMPLETED')).toBe(true);
    expect(canTransition('OPEN', 'CANCELLED')).toBe(true);
    expect(canTransition('OPEN', 'EXPIRED')).toBe(true);
    expect(canTransition('COMPUTING', 'FAILED')).toBe(true);
    expect(canTransition('COMPUTING', 'CANCELLED')).toBe(false);
    expect(canTransition('RESULT_READY', 'OPEN')).toBe(false);
    expect(COLLABORATION_STATUSES.filter(isTerminal)).toEqual([
      'COMPLETED',
      'FAILED',
      'CANCELLED',
      'EXPIRED',
    ]);
  });
});

describe('participation and input rules', () => {
  it('wants a raw 32-byte X25519 key in base64url', () => {
    expect(publicKeyViolations(Buffer.alloc(32, 7).toString('base64url'))).toEqual([]);
    expect(publicKeyViolations(Buffer.alloc(31, 7).toString('base64url'))).toHaveLength(1);
  });

  it('wants https webhooks, or http to loopback where the local runtime allows it', () => {
    expect(webhookUrlViolations('https://hooks.example/x')).toEqual([]);
    expect(webhookUrlViolations('http://127.0.0.1:8080/x', { loopbackHttp: true })).toEqual([]);
    // Deployed, loopback in a Lambda is its Runtime API: never a webhook.
    expect(webhookUrlViolations('http://127.0.0.1:9001/2018-06-01/runtime/invocation/next')).toEqual([
      { path: '/webhookUrl', message: 'must use https' },
    ]);
    expect(webhookUrlViolations('http://localhost/x', { loopbackHttp: false })).toHaveLength(1);
    expect(webhookUrlViolations('http://hooks.example/x')).toHaveLength(1);
    expect(webhookUrlViolations('https://user:pw@hooks.example/x')).toHaveLength(1);
    expect(webhookUrlViolations('ftp://hooks.example/x')).toHaveLength(1);
    for (const internal of [
      'https://169.254.169.254/latest',
      'https://10.0.0.7/hook',
      'https://172.20.1.1/hook',
      'https://192.168.1.1/hook',
      'https://127.0.0.1/hook',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://localhost/hook',
    ])
      expect(webhookUrlViolations(internal), internal).toHaveLength(1);
    expect(webhookUrlViolations('https://172.32.0.1/hook')).toEqual([]);
  });

  it('limits share sizes and wants real SHA-256 digests', () => {
    const sha256 = Buffer.alloc(32).toString('base64');
    expect(shareViolations({ A: { sizeBytes: 10, sha256 }, B: { sizeBytes: 10, sha256 } }, 10)).toEqual([]);
    expect(
      shareViolations({ A: { sizeBytes: 11, sha256 }, B: { sizeBytes: 1, sha256: 'AAAA' } }, 10).map(
        (v) => v.path,
      ),
    ).toEqual(['/shares/A/sizeBytes', '/shares/B/sha256']);
  });
});
