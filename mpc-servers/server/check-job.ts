import type { JobDescription } from '../../contract/job/job-description.ts';
import { JobFailure } from '../runtime/failure.ts';

/**
 * What a server checks in the job description before any work, trusting nothing the coordinator wrote
 * beyond what the clients sealed their shares under (the declaration: spec, minParticipants, resultRecipients,
 * whose digest is in every input share's AAD, so a job that misstates it opens no share):
 *
 * - every input at most once (DUPLICATE_INPUT) and one input per participant (DUPLICATE_PARTICIPANT): a share
 *   counted twice would weigh one participant's rows double, or isolate them in a difference of two jobs;
 * - at least `minParticipants` inputs (TOO_FEW_INPUTS): the declared minimum is what keeps one participant's
 *   rows from being the whole result;
 * - recipients as declared (UNDECLARED_RECIPIENT, DUPLICATE_RECIPIENT, MISSING_RECIPIENT): with
 *   all-participants exactly the participants of the inputs; with a list, only listed ids (a listed
 *   recipient who never joined has no key, so the coordinator may leave it out).
 *
 * Throws a `JobFailure` naming the first violation; the server then writes no result share.
 */
export function checkJob(job: JobDescription): void {
  const inputIds = new Set<string>();
  const participants = new Set<string>();
  for (const input of job.inputs) {
    if (inputIds.has(input.inputId))
      throw new JobFailure('DUPLICATE_INPUT', `input ${input.inputId} is listed more than once`);
    inputIds.add(input.inputId);
    if (participants.has(input.participantId))
      throw new JobFailure(
        'DUPLICATE_PARTICIPANT',
        `participant ${input.participantId} has more than one input in the job`,
      );
    participants.add(input.participantId);
  }
  if (job.inputs.length < job.minParticipants)
    throw new JobFailure(
      'TOO_FEW_INPUTS',
      `the job lists ${job.inputs.length} inputs, the collaboration declares at least ${job.minParticipants}`,
    );
  const declared = job.resultRecipients === 'all-participants' ? participants : new Set(job.resultRecipients);
  const recipients = new Set<string>();
  for (const { recipientId } of job.recipients) {
    if (recipients.has(recipientId))
      throw new JobFailure('DUPLICATE_RECIPIENT', `recipient ${recipientId} is listed more than once`);
    recipients.add(recipientId);
    if (!declared.has(recipientId))
      throw new JobFailure(
        'UNDECLARED_RECIPIENT',
        `recipient ${recipientId} is not declared by the collaboration (${describe(job)})`,
      );
  }
  if (job.resultRecipients === 'all-participants') {
    const missing = [...participants].filter((id) => !recipients.has(id));
    if (missing.length > 0)
      throw new JobFailure(
        'MISSING_RECIPIENT',
        `participants ${missing.join(', ')} gave input but are not recipients (all-participants)`,
      );
  }
}

const describe = (job: JobDescription): string =>
  job.resultRecipients === 'all-participants'
    ? 'all-participants: the participants of the inputs'
    : `the declared list of ${job.resultRecipients.length}`;
