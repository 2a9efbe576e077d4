import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from '../http-adapter/http-api-adapter.ts';
import { requestPath, sendJson } from '../http-adapter/http-io.ts';

export interface SingleOriginServer {
  /** http://host:port */
  origin: string;
  /** Requests answer 503 until the listener is set (the issuer needs the origin before it exists). */
  setListener(listener: RequestListener): void;
  close(): Promise<void>;
}

export interface SingleOriginServerOptions {
  port: number;
  host: string;
  log: (message: string) => void;
  /** One line per request (method, path, status, milliseconds), for people watching `npm start`. */
  logRequests?: boolean;
}

/** Listens first, so a taken port fails at once, before any emulator starts. */
export async function startSingleOriginServer(
  options: SingleOriginServerOptions,
): Promise<SingleOriginServer> {
  let listener: RequestListener = async (_request, response) =>
    sendJson(response, 503, { message: 'Service Unavailable' });
  const server = createServer((request, response) => {
    const started = performance.now();
    if (options.logRequests) {
      response.once('finish', () => {
        const path = requestPath(request.url);
        const elapsed = (performance.now() - started).toFixed(1);
        options.log(`${request.method} ${path} ${response.statusCode} ${elapsed}ms`);
      });
    }
    listener(request, response).catch((error: unknown) => {
      options.log(`request failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { message: 'Internal Server Error' });
      else response.destroy();
    });
  });
  const address = await listen(server, options.port, options.host);
  return {
    origin: `http://${address.address}:${address.port}`,
    setListener: (next) => {
      listener = next;
    },
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
