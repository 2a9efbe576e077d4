import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  clientId: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/** A participant's webhook endpoint over real HTTP: keeps every request, answers 204. */
export class WebhookSink {
  readonly received: ReceivedWebhook[] = [];
  private readonly waiters: {
    matches: (hook: ReceivedWebhook) => boolean;
    resolve: (hook: ReceivedWebhook) => void;
  }[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<WebhookSink> {
    // The server exists before the sink that owns it.
    const owner: { sink?: WebhookSink } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const hook: ReceivedWebhook = {
          clientId: (request.url ?? '').split('/').pop() ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        owner.sink?.accept(hook);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    owner.sink = new WebhookSink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return owner.sink;
  }

  urlFor(clientId: string): string {
    return `${this.origin}/hooks/${clientId}`;
  }

  /** Resolves with the first webhook (already received or to come) that matches. */
  next(matches: (hook: ReceivedWebhook) => boolean): Promise<ReceivedWebhook> {
    const seen = this.received.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private accept(hook: ReceivedWebhook): void {
    this.received.push(hook);
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.matches(hook)) waiter.resolve(hook);
      else this.waiters.push(waiter);
    }
  }
}
