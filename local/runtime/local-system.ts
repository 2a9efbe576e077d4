import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { createLocalJWKSet } from 'jose';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../emulators/credentials.ts';
import { startDynamoDbLocal, type RunningEmulator } from '../emulators/dynamodb-local.ts';
import { startS3Server } from '../emulators/s3-server.ts';
import {
  createHttpApiAdapter,
  type ApiHandler,
  type RequestListener,
} from '../http-adapter/http-api-adapter.ts';
import { sendJson } from '../http-adapter/http-io.ts';
import {
  declaredOAuthScopes,
  loadOpenApiDocument,
  routesFromOpenApi,
} from '../http-adapter/openapi-routes.ts';
import { createLocalIssuer, isIssuerPath, ISSUER_PATHS } from '../issuer/local-issuer.ts';
import {
  loadOperationHandlers,
  loadTableSetup,
  type OperationHandlers,
  type TableSetup,
} from './api-modules.ts';
import { generateServerKeys, publicServerKeyConfigs, type GeneratedServerKey } from './server-keys.ts';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** The JWT authorizer's audience locally; the issuer writes it into every token's `aud`. */
export const LOCAL_API_AUDIENCE = 'mpc-coordinator-local';

export interface LocalSystemOptions {
  /** 0 (the default) lets the OS choose. */
  port?: number;
  host?: string;
  /** Defaults to MPC_LOCAL_CLIENT_SECRET, else a random secret. */
  clientSecret?: string;
  tableName?: string;
  inputBucket?: string;
  resultBucket?: string;
  openApiPath?: string;
  /** Defaults to the coordinator's `lambdas/handlers/registry.ts`. */
  loadOperationHandlers?: () => Promise<OperationHandlers>;
  /** Defaults to the coordinator's `collaborationTableDefinition` and `TTL_ATTRIBUTE`. */
  loadTableSetup?: () => Promise<TableSetup>;
  /** Human-readable progress and handler crashes; defaults to stderr. */
  log?: (message: string) => void;
}

export interface LocalSystem {
  /** http://host:port, serving both the API and the issuer. */
  origin: string;
  apiUrl: string;
  tokenUrl: string;
  clientSecret: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  inputBucket: string;
  resultBucket: string;
  /** Servers A and B: public key configs, key file paths (MPC_KEY_FILE) and TLS fingerprints. */
  serverKeys: GeneratedServerKey[];
  /** The environment the handlers run with (already applied to this process); pass it to child processes. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Brings up the coordinator on one machine: DynamoDB Local and s3rver, the table and buckets, HPKE keys for
 * servers A and B, then one HTTP server where `/oauth2/*` and `/.well-known/*` reach the OAuth2 issuer and
 * everything else reaches the API Gateway adapter in front of the real handlers.
 */
export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const tableName = options.tableName ?? 'mpc-coordinator';
  const inputBucket = options.inputBucket ?? 'mpc-input-shares';
  const resultBucket = options.resultBucket ?? 'mpc-result-shares';
  const clientSecret =
    options.clientSecret ?? process.env.MPC_LOCAL_CLIENT_SECRET ?? randomBytes(24).toString('base64url');
  const cleanup: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    // Reverse order: the HTTP server stops taking requests before the stores go away.
    for (const step of cleanup.splice(0).reverse())
      await step().catch((error: unknown) => log(String(error)));
  };

  try {
    const keyDirectory = await mkdtemp(join(tmpdir(), 'mpc-server-keys-'));
    cleanup.push(() => rm(keyDirectory, { recursive: true, force: true }));
    const [dynamo, s3, serverKeys] = await Promise.all([
      startDynamoDbLocal(),
      startS3Server({ buckets: [inputBucket, resultBucket] }),
      generateServerKeys(keyDirectory),
    ]);
    cleanup.push(
      () => dynamo.stop(),
      () => s3.stop(),
    );

    const env = handlerEnvironment({ dynamo, s3, tableName, inputBucket, resultBucket, serverKeys });
    Object.assign(process.env, env);
    await createTable(dynamo.endpoint, await (options.loadTableSetup ?? loadTableSetup)(), tableName);

    const document = await loadOpenApiDocument(options.openApiPath ?? join(projectRoot, 'openapi.yml'));
    const handlers = await (options.loadOperationHandlers ?? loadOperationHandlers)();

    // The issuer needs the origin, known only once listening; until then requests get 503.
    const routing: { listener?: RequestListener } = {};
    const server = createServer((request, response) => {
      const handle =
        routing.listener ?? (async () => sendJson(response, 503, { message: 'Service Unavailable' }));
      handle(request, response).catch((error: unknown) => {
        log(`request failed: ${error instanceof Error ? error.stack : String(error)}`);
        if (!response.headersSent) sendJson(response, 500, { message: 'Internal Server Error' });
        else response.destroy();
      });
    });
    const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
    cleanup.push(() => closeServer(server));
    const origin = `http://${address.address}:${address.port}`;

    const issuer = await createLocalIssuer({
      issuer: origin,
      clientSecret,
      audience: LOCAL_API_AUDIENCE,
      allowedScopes: declaredOAuthScopes(document),
    });
    const api = createHttpApiAdapter({
      routes: routesFromOpenApi(document),
      loadHandler: (operationId) => loadHandler(handlers, operationId),
      authorizer: { issuer: origin, audience: [LOCAL_API_AUDIENCE], keys: createLocalJWKSet(issuer.jwks) },
      region: LOCAL_REGION,
      onHandlerError: (operationId, error) =>
        log(`${operationId} failed: ${error instanceof Error ? error.stack : String(error)}`),
    });
    routing.listener = (request, response) =>
      isIssuerPath(new URL(request.url ?? '/', origin).pathname)
        ? issuer.handleRequest(request, response)
        : api(request, response);

    return {
      origin,
      apiUrl: origin,
      tokenUrl: `${origin}${ISSUER_PATHS.token}`,
      clientSecret,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      tableName,
      inputBucket,
      resultBucket,
      serverKeys,
      env,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function handlerEnvironment(parts: {
  dynamo: RunningEmulator;
  s3: RunningEmulator;
  tableName: string;
  inputBucket: string;
  resultBucket: string;
  serverKeys: GeneratedServerKey[];
}): Record<string, string> {
  return {
    TABLE_NAME: parts.tableName,
    INPUT_BUCKET: parts.inputBucket,
    RESULT_BUCKET: parts.resultBucket,
    MPC_SERVER_KEYS: JSON.stringify(publicServerKeyConfigs(parts.serverKeys)),
    S3_FORCE_PATH_STYLE: 'true',
    // Service-specific endpoint variables: the SDK prefers them to AWS_ENDPOINT_URL, one per emulator.
    AWS_ENDPOINT_URL_DYNAMODB: parts.dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: parts.s3.endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: 'mpc-coordinator',
  };
}

async function createTable(endpoint: string, setup: TableSetup, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new CreateTableCommand(setup.definition(tableName)));
    if (setup.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: setup.ttlAttribute, Enabled: true },
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

async function loadHandler(handlers: OperationHandlers, operationId: string): Promise<ApiHandler> {
  const load = handlers[operationId];
  if (!load) throw new Error(`no handler registered for operation ${operationId}`);
  return load();
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    server.closeAllConnections();
  });
}
