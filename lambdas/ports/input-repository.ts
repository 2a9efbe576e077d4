import type { Input } from '../domain/input.ts';

export type IssueOutcome = 'issued' | 'refused';
export type CompleteOutcome = 'completed' | 'refused';

export interface InputRepository {
  get(collaborationId: string, inputId: string): Promise<Input | undefined>;
  /**
   * Stores a new pending input as the participant's one input (deleting the pending one it replaces), only
   * while the participant has no completed input and the collaboration accepts inputs at `at`.
   */
  issue(input: Input, replacedInputId: string | undefined, at: Date): Promise<IssueOutcome>;
  /**
   * Marks the input complete, the participant's input complete and counts it on the collaboration, in one
   * transaction that succeeds at most once per input and only while fewer than maxParticipants inputs count.
   */
  complete(input: Input, at: Date): Promise<CompleteOutcome>;
}
