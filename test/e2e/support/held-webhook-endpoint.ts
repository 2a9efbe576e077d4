import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A participant's webhook endpoint that hangs: it holds every request open (no answer) until the test
 * answers them all with one status, and from then on answers at once. A request the sender gives up on
 * (its timeout closes the connection) is no longer held.
 */
export class HeldWebhookEndpoint {
  private readonly open = new Set<ServerResponse>();
  private answer: number | undefined;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly url: string,
  ) {}

  static async start(): Promise<HeldWebhookEndpoint> {
    const owner: { endpoint?: HeldWebhookEndpoint } = {};
    const server = createServer((request, response) => {
      request.resume();
      owner.endpoint?.hold(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    owner.endpoint = new HeldWebhookEndpoint(server, `http://127.0.0.1:${port}/hooks/held`);
    return owner.endpoint;
  }

  /** Requests held open right now. */
  held(): number {
    return this.open.size;
  }

  /** Answers the held requests, and every later one, with `status`. */
  answerAll(status: number): void {
    this.answer = status;
    for (const response of this.open) response.writeHead(status).end();
    this.open.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private hold(response: ServerResponse): void {
    if (this.answer !== undefined) {
      response.writeHead(this.answer).end();
      return;
    }
    this.open.add(response);
    response.on('close', () => this.open.delete(response));
  }
}
