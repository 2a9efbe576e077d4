import { setTimeout as sleep } from 'node:timers/promises';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Which items' conditions failed, by position in the transaction; empty when it committed. */
export type TransactionResult = { committed: true } | { committed: false; failedConditions: number[] };

const MAX_ATTEMPTS = 12;

/**
 * Runs a transaction; a condition failure is an answer, not an error. Conflicts with concurrent transactions
 * on the same items (TransactionConflict) are retried with jittered backoff, which is what makes many
 * concurrent joins on one collaboration settle.
 */
export async function transact(
  client: DynamoDBDocumentClient,
  items: TransactItems,
): Promise<TransactionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return { committed: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const failedConditions = reasons.flatMap((code, index) =>
        code === 'ConditionalCheckFailed' ? [index] : [],
      );
      if (failedConditions.length > 0) return { committed: false, failedConditions };
      if (attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt));
    }
  }
}

/** Codes of a TransactionCanceledException (undefined for any other error); 'None' for items that passed. */
function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'TransactionConflictException') return ['TransactionConflict'];
  if (error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (reasons && reasons.length > 0) return reasons.map((reason) => reason.Code ?? 'None');
  // Some emulators omit the reasons; the message lists them as "[ConditionalCheckFailed, None]".
  const listed = /\[([^\]]*)\]/.exec(error.message)?.[1];
  return listed ? listed.split(',').map((code) => code.trim()) : ['TransactionConflict'];
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
