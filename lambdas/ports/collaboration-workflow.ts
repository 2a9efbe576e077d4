/** What one collaboration's execution starts with (the state machine's input). */
export interface WorkflowExecutionInput {
  collaborationId: string;
  /** Seconds until the input deadline: the AwaitInputs timeout. */
  inputWindowSeconds: number;
  /** Seconds participants have to fetch the result before clean-up: the AwaitFinish timeout. */
  retentionSeconds: number;
  /** Computation attempts, counted down in the definition. */
  attempts: { left: number };
}

/** The per-collaboration execution (Step Functions on AWS, aws-local-stepfunctions locally). */
export interface CollaborationWorkflow {
  /** Starts the collaboration's one execution; its name is the collaborationId, so a retry starts nothing. */
  start(input: WorkflowExecutionInput): Promise<'started' | 'already-started'>;
  /**
   * Releases a callback wait. A token that timed out or was already used is ignored (false): two writers may
   * both see a quorum and both send.
   */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean>;
}
