import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openChunk, sealChunk, type MaterialScope } from '../../../../mpc-servers/runtime/dealer-envelope.ts';

const scope: MaterialScope = { collaborationId: 'c1', jobId: 'j1', party: 'B' };
const key = randomBytes(32);
const material = randomBytes(1000);

describe('streamed chunk sealing', () => {
  it('opens what it sealed', () => {
    expect(Buffer.from(openChunk(key, scope, 3, sealChunk(key, scope, 3, material)))).toEqual(material);
  });

  it.each([
    ['another chunk index', (): Uint8Array => openChunk(key, scope, 4, sealChunk(key, scope, 3, material))],
    ['another party', () => openChunk(key, { ...scope, party: 'A' }, 3, sealChunk(key, scope, 3, material))],
    ['another job', () => openChunk(key, { ...scope, jobId: 'j2' }, 3, sealChunk(key, scope, 3, material))],
    ['another key', () => openChunk(randomBytes(32), scope, 3, sealChunk(key, scope, 3, material))],
    [
      'an altered byte',
      () => {
        const sealed = sealChunk(key, scope, 3, material);
        sealed[10] = sealed[10]! ^ 1;
        return openChunk(key, scope, 3, sealed);
      },
    ],
  ])('refuses %s as DEALER_NOT_AUTHENTIC', (_, attempt) => {
    expect(attempt).toThrow(expect.objectContaining({ code: 'DEALER_NOT_AUTHENTIC' }));
  });

  it('refuses a truncated chunk as DEALER_MATERIAL_INVALID', () => {
    expect(() => openChunk(key, scope, 0, new Uint8Array(5))).toThrow(
      expect.objectContaining({ code: 'DEALER_MATERIAL_INVALID' }),
    );
  });
});
