/**
 * The client SDK for services taking part in private joint statistics: everything the `mpc` CLI and an
 * embedding application need, from one import.
 */
export { TokenProvider, TokenError } from './auth/token-provider.ts';
export type { ClientCredentials, TokenProviderOptions } from './auth/token-provider.ts';
export { ApiError, ensureOk } from './http/api-error.ts';
export { createRetryingFetch } from './http/retrying-fetch.ts';
export type { RetryOptions } from './http/retrying-fetch.ts';
export { InputRowsError, parseInputRows, readInputRows } from './input/rows.ts';
export type { InputRows, RowIssue } from './input/rows.ts';
export { KeyStore, defaultMpcHome } from './keys/key-store.ts';
export { MpcClient } from './sdk/mpc-client.ts';
export type {
  MpcClientOptions,
  CreateOptions,
  ResultAnswer,
  ListCollaborationsQuery,
} from './sdk/mpc-client.ts';
export * from './sdk/api-models.ts';
export { joinCollaboration } from './sdk/join.ts';
export type { JoinOptions } from './sdk/join.ts';
export { submitInput } from './sdk/submit-input.ts';
export type { SubmitOptions, SubmitStage } from './sdk/submit-input.ts';
export { waitForResult, CollaborationEndedError, WaitTimeoutError } from './sdk/wait-for-result.ts';
export type { WaitOptions } from './sdk/wait-for-result.ts';
export { fetchResult, ResultNotReadyError } from './sdk/fetch-result.ts';
export type { AnalysisResult, FetchResultOptions } from './sdk/fetch-result.ts';
export { verifyWebhookRequest, WebhookVerificationError } from './webhooks/verify.ts';
export { createWebhookListener } from './webhooks/receiver.ts';
export { generateWebhookSecret, signWebhook } from '../contract/webhooks/standard-webhooks.ts';
export { NotificationInbox } from './webhooks/notification-inbox.ts';
export type { CoordinatorEvent } from './webhooks/notification-inbox.ts';
