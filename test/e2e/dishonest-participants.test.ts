import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../client/http/api-error.ts';
import { workflowPorts } from '../../lambdas/handlers/workflow/workflow-composition-root.ts';
import type { CreateCollaborationRequest } from '../../client/sdk/api-models.ts';
import { fetchResult } from '../../client/sdk/fetch-result.ts';
import {
  AGE_INCOME_ANALYSES,
  AGE_INCOME_FIELDS,
  ageIncomeRows,
  expectCleartextAnswers,
} from '../support/age-income-fixture.ts';
import { uploadWithWrongAad } from './support/wrong-aad-upload.ts';
import {
  createCollaboration,
  eventually,
  joinAs,
  startE2eSystem,
  upload,
  type E2eSystem,
  type Member,
} from '../../local/harness/whole-system.ts';

/**
 * Participants that do not play by the rules, through the local runtime: clients that were not invited,
 * clients that join and never give an input, and a share sealed so that no server can open it.
 */
let e2e: E2eSystem;
beforeAll(async () => {
  e2e = await startE2eSystem();
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
});

function createAgeIncome(
  name: string,
  limits: Pick<CreateCollaborationRequest, 'minParticipants' | 'maxParticipants' | 'participants'>,
): Promise<string> {
  return createCollaboration(e2e, {
    name,
    analyses: AGE_INCOME_ANALYSES,
    inputSchema: { fields: AGE_INCOME_FIELDS } as CreateCollaborationRequest['inputSchema'],
    deadlineInSeconds: 3600,
    resultRecipients: 'all-participants',
    ...limits,
  });
}

/** The problem an API call was refused with, as `status kind`. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.kind}`;
    throw error;
  }
  return 'no refusal';
}

async function resultReady(member: Member, collaborationId: string) {
  return eventually(
    () => member.client.getCollaboration(collaborationId),
    (c) => c.status !== 'OPEN' && c.status !== 'COMPUTING',
    180_000,
    500,
  );
}

describe('dishonest participants end to end', () => {
  it('invite list and slots: outsiders get 403 on join, an idle joiner holds no slot and gets 403 on the result', async () => {
    const collaborationId = await createAgeIncome('e2e invite list', {
      minParticipants: 2,
      maxParticipants: 2,
      participants: ['idle', 'clinic-a', 'clinic-b'],
    });
    expect(await refusal(joinAs(e2e, collaborationId, 'outsider'))).toBe('403 forbidden');

    // The idle client joins first and never gives an input: both slots stay free.
    const idle = await joinAs(e2e, collaborationId, 'idle');
    const a = await joinAs(e2e, collaborationId, 'clinic-a');
    const b = await joinAs(e2e, collaborationId, 'clinic-b');
    const rows = [ageIncomeRows(11, 10), ageIncomeRows(12, 8)];
    await upload(a, collaborationId, rows[0]!);
    // The later participant takes the last slot; its input makes the quorum.
    await upload(b, collaborationId, rows[1]!);

    expect(await resultReady(a, collaborationId)).toMatchObject({
      status: 'RESULT_READY',
      participantCount: 3,
      completedInputCount: 2,
    });
    for (const member of [a, b])
      expectCleartextAnswers(
        await fetchResult(member.client, e2e.keys, collaborationId, { pinnedServerKeys: e2e.pins }),
        rows.flat(),
      );
    expect(await refusal(idle.client.getResult(collaborationId))).toBe('403 forbidden');
    expect(await refusal(e2e.client('outsider').getResult(collaborationId))).toBe('403 forbidden');

    // Nor does the idle client hold up clean-up: once both recipients finish, the collaboration completes.
    expect(await refusal(idle.client.finishParticipation(collaborationId))).toBe('403 forbidden');
    for (const member of [a, b]) await member.client.finishParticipation(collaborationId);
    await eventually(
      () => a.client.getCollaboration(collaborationId),
      (c) => c.status === 'COMPLETED',
      60_000,
      500,
    );
  }, 240_000);

  it('a share sealed with the wrong AAD is excluded: RESULT_READY over the other two, its owner reads why', async () => {
    const collaborationId = await createAgeIncome('e2e bad share', {
      minParticipants: 2,
      maxParticipants: 3,
    });
    const a = await joinAs(e2e, collaborationId, 'clinic-a');
    const b = await joinAs(e2e, collaborationId, 'clinic-b');
    const liar = await joinAs(e2e, collaborationId, 'clinic-liar');
    const rows = [ageIncomeRows(21, 9), ageIncomeRows(22, 7)];
    await upload(a, collaborationId, rows[0]!);
    await upload(b, collaborationId, rows[1]!);

    const inputId = await uploadWithWrongAad(liar, collaborationId);

    const finished = await resultReady(a, collaborationId);
    expect(finished).toMatchObject({ status: 'RESULT_READY', completedInputCount: 3, excludedInputCount: 1 });
    for (const member of [a, b])
      expectCleartextAnswers(
        await fetchResult(member.client, e2e.keys, collaborationId, { pinnedServerKeys: e2e.pins }),
        rows.flat(),
      );

    const mine = await liar.client.getMyParticipation(collaborationId);
    expect(mine.input).toMatchObject({ inputId, status: 'COMPLETE' });
    expect(mine.input?.exclusionReason).toEqual(expect.any(String));
    console.info(`excluded input's reason, as its owner reads it: ${mine.input?.exclusionReason}`);
    // Others learn only how many inputs were excluded, not whose or why.
    expect((await a.client.getMyParticipation(collaborationId)).input).not.toHaveProperty('exclusionReason');
    expect(await refusal(liar.client.getResult(collaborationId))).toBe('403 forbidden');
  }, 240_000);

  it('too few valid inputs left: FAILED with TOO_FEW_VALID_INPUTS after one attempt, no retry', async () => {
    const collaborationId = await createAgeIncome('e2e too few valid', {
      minParticipants: 2,
      maxParticipants: 2,
    });
    const honest = await joinAs(e2e, collaborationId, 'clinic-h');
    const liar = await joinAs(e2e, collaborationId, 'clinic-l');
    await upload(honest, collaborationId, ageIncomeRows(31, 6));
    const inputId = await uploadWithWrongAad(liar, collaborationId);

    const failed = await resultReady(honest, collaborationId);
    expect(failed.status).toBe('FAILED');
    expect(failed.statusReason).toMatch(/TOO_FEW_VALID_INPUTS/);
    // A participant's bad input is not the system's failure: one attempt, never retried.
    expect(
      await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId),
    ).toHaveLength(1);
    const mine = await liar.client.getMyParticipation(collaborationId);
    expect(mine.input).toMatchObject({
      inputId,
      exclusionReason: expect.stringMatching(/TOO_FEW_VALID_INPUTS/),
    });
    expect((await honest.client.getMyParticipation(collaborationId)).input).not.toHaveProperty(
      'exclusionReason',
    );
  }, 240_000);
});
