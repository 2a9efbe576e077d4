import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedListener {
  origin: string;
  close(): Promise<void>;
}

/** Serves a request listener on a loopback port the OS chooses, so tests speak real HTTP to it. */
export async function serveListener(
  listener: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<ServedListener> {
  const server = createServer((request, response) => {
    listener(request, response).catch((error: unknown) => {
      response.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
