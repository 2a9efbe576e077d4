/** One signed webhook delivery (Standard Webhooks) to one endpoint, with its own retries and backoff. */
export interface WebhookMessage {
  messageId: string;
  /** e.g. `collaboration.result_ready`. */
  event: string;
  body: Record<string, unknown>;
}

export interface DeliveryOutcome {
  delivered: boolean;
  attempts: number;
  lastError?: string;
}

export interface WebhookNotifier {
  deliver(url: string, secret: string, message: WebhookMessage): Promise<DeliveryOutcome>;
}
