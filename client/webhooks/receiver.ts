import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError, verifyWebhookRequest } from './verify.ts';

export interface WebhookListenerOptions<Event> {
  /** The participant's `whsec_` secret, several (rotation, several collaborations), or a function read at
   * each delivery for secrets added later. */
  secret: string | readonly string[] | (() => readonly string[]);
  toleranceSeconds?: number;
  onEvent: (event: Event, webhookId: string) => void | Promise<void>;
  /** Bodies above this are refused unread (the coordinator's events are small). */
  maxBodyBytes?: number;
  /** Called with each rejected delivery, e.g. to log it. */
  onRejected?: (error: WebhookVerificationError) => void;
}

/**
 * A `node:http` request listener for the coordinator's notifications: verifies the signature over the raw
 * body, answers 204 once `onEvent` has run, 401 to a bad signature (the sender does not retry those), 413 to
 * an oversized body. A failing `onEvent` answers 500, so the coordinator delivers again later.
 */
export function createWebhookListener<Event = unknown>(
  options: WebhookListenerOptions<Event>,
): (request: IncomingMessage, response: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? 1 << 20;
  return (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        response.writeHead(413).end();
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      let event: Event;
      try {
        const secrets = typeof options.secret === 'function' ? options.secret() : options.secret;
        event = verifyWebhookRequest<Event>(request.headers, Buffer.concat(chunks), {
          secrets: typeof secrets === 'string' ? [secrets] : secrets,
          ...(options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds }),
        });
      } catch (error) {
        if (error instanceof WebhookVerificationError) options.onRejected?.(error);
        response.writeHead(error instanceof WebhookVerificationError ? 401 : 400).end();
        return;
      }
      Promise.resolve()
        .then(() => options.onEvent(event, String(request.headers['webhook-id'])))
        .then(() => response.writeHead(204).end())
        .catch(() => response.writeHead(500).end());
    });
  };
}
