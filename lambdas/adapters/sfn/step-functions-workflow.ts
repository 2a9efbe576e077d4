import { SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { CollaborationWorkflow, WorkflowExecutionInput } from '../../ports/collaboration-workflow.ts';

/** Errors that mean "this wait is already over": a second release, or one after the timeout. */
const STALE_TOKEN_ERRORS = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

/** The collaboration workflow on Step Functions: one Standard execution per collaboration, named by its id. */
export class StepFunctionsWorkflow implements CollaborationWorkflow {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(input: WorkflowExecutionInput): Promise<'started' | 'already-started'> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: input.collaborationId,
          input: JSON.stringify(input),
        }),
      );
      return 'started';
    } catch (error) {
      // Same name and same input within 90 days is idempotent on AWS; a different input is this error.
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return 'already-started';
      throw error;
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      return true;
    } catch (error) {
      if (error instanceof Error && STALE_TOKEN_ERRORS.has(error.name)) return false;
      throw error;
    }
  }
}
