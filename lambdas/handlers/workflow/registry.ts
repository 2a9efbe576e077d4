import type { WorkflowStepHandler } from './workflow-step.ts';

/**
 * Every `${<Step>FunctionArn}` placeholder of `workflow/collaboration.asl.json`, by step name, with its
 * handler module (imported on first use, as a Lambda container loads only its own). The CDK app builds one
 * function per entry; the local runner calls them in-process.
 */
export const workflowStepHandlers: Record<string, () => Promise<WorkflowStepHandler>> = {
  StoreInputToken: async () => (await import('./store-input-token.ts')).handler,
  CheckMinimum: async () => (await import('./check-minimum.ts')).handler,
  Expire: async () => (await import('./expire.ts')).handler,
  CloseInputs: async () => (await import('./close-inputs.ts')).handler,
  PrepareAttempt: async () => (await import('./prepare-attempt.ts')).handler,
  CheckJob: async () => (await import('./check-job.ts')).handler,
  RecordAttemptFailure: async () => (await import('./record-attempt-failure.ts')).handler,
  MarkFailed: async () => (await import('./mark-failed.ts')).handler,
  PublishResult: async () => (await import('./publish-result.ts')).handler,
  NotifyParticipants: async () => (await import('./notify-participants.ts')).handler,
  StoreFinishToken: async () => (await import('./store-finish-token.ts')).handler,
  CleanUp: async () => (await import('./clean-up.ts')).handler,
  CleanUpCancelled: async () => (await import('./clean-up-cancelled.ts')).handler,
};
