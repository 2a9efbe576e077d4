import type { WorkflowStepHandler } from './workflow-step.ts';

/**
 * Every `${<Step>FunctionArn}` placeholder of `workflow/collaboration.asl.json`, by step name, with its
 * handler module (imported on first use, as a Lambda container loads only its own). The CDK app builds one
 * function per entry; the local runner calls them in-process.
 */
export const workflowStepHandlers: Record<string, () => Promise<WorkflowStepHandler>> = {
  StoreInputToken: async () => (await import('./StoreInputToken.ts')).handler,
  CheckMinimum: async () => (await import('./CheckMinimum.ts')).handler,
  Expire: async () => (await import('./Expire.ts')).handler,
  CloseInputs: async () => (await import('./CloseInputs.ts')).handler,
  PrepareAttempt: async () => (await import('./PrepareAttempt.ts')).handler,
  CheckJob: async () => (await import('./CheckJob.ts')).handler,
  RecordAttemptFailure: async () => (await import('./RecordAttemptFailure.ts')).handler,
  MarkFailed: async () => (await import('./MarkFailed.ts')).handler,
  PublishResult: async () => (await import('./PublishResult.ts')).handler,
  NotifyParticipants: async () => (await import('./NotifyParticipants.ts')).handler,
  StoreFinishToken: async () => (await import('./StoreFinishToken.ts')).handler,
  CleanUp: async () => (await import('./CleanUp.ts')).handler,
  CleanUpCancelled: async () => (await import('./CleanUpCancelled.ts')).handler,
};
