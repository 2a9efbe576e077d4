import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coordinatorScope, type CoordinatorContainer } from '../../lambdas/composition-root.ts';
import { Container } from '../../lambdas/wiring/container.ts';
import { coordinatorSettingsFrom, type LocalWiring } from '../../lambdas/wiring/coordinator-settings.ts';
import { repoPaths } from '../../lib/config/repo-paths.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../emulators/credentials.ts';
import { createHttpApiAdapter, type ApiHandler } from '../http-adapter/http-api-adapter.ts';
import {
  declaredOAuthScopes,
  loadOpenApiDocument,
  routesFromOpenApi,
} from '../http-adapter/openapi-routes.ts';
import { createLocalIssuer, isIssuerPath, ISSUER_PATHS } from '../issuer/local-issuer.ts';
import { requestPath } from '../http-adapter/http-io.ts';
import { keysFromIssuerDiscovery } from '../http-adapter/issuer-discovery-keys.ts';
import {
  loadOperationHandlers,
  loadTableSetup,
  type OperationHandlers,
  type TableSetup,
} from './api-modules.ts';
import {
  generateDealerKey,
  generateServerKeys,
  publicServerKeyConfigs,
  type GeneratedDealerKey,
  type GeneratedServerKey,
} from './server-keys.ts';
import { startSingleOriginServer } from './single-origin-server.ts';
import { provideStorage, type AwsEndpoints } from './storage.ts';
import { localDomainAccess } from './domain-access.ts';

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
  /** Use running AWS emulators (LocalStack, Floci) instead of starting DynamoDB Local and s3rver. */
  externalAws?: AwsEndpoints;
  openApiPath?: string;
  /** Defaults to the coordinator's `lambdas/handlers/registry.ts`. */
  loadOperationHandlers?: () => Promise<OperationHandlers>;
  /** Defaults to the coordinator's `collaborationTableDefinition` and `TTL_ATTRIBUTE`. */
  loadTableSetup?: () => Promise<TableSetup>;
  /** Human-readable progress and handler crashes; defaults to stderr. */
  log?: (message: string) => void;
  /** Log one line per HTTP request. */
  logRequests?: boolean;
  /** Parts started with the system (e.g. the workflow runner), in order, before the handlers load. */
  plugins?: LocalSystemPlugin[];
}

/** The system's origin, stores, server keys and handler environment: what its plugins and its callers see. */
export interface LocalSystemSetup {
  /** http://host:port, serving both the API and the issuer. */
  origin: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  inputBucket: string;
  resultBucket: string;
  /** Each server's own bucket for the input shares sealed to it (only that server's credentials read it). */
  serverInputBuckets: Readonly<Record<'A' | 'B', string>>;
  /** Servers A and B: public key configs, key file paths (MPC_KEY_FILE) and TLS fingerprints. */
  serverKeys: GeneratedServerKey[];
  /** The dealer's key file (MPC_DEALER_KEY_FILE) and the public key the servers pin. */
  dealerKey: GeneratedDealerKey;
  /** The environment the handlers run with (already applied to this process); pass it to child processes. */
  env: Record<string, string>;
}

/** What a plugin sees when it starts. */
export interface LocalSystemPluginContext extends LocalSystemSetup {
  log: (message: string) => void;
  /** Runs `body` in the system's container, as the API handlers run (for handlers the plugin calls). */
  inSystem: <T>(body: () => T) => T;
}

export interface LocalSystemPlugin {
  name: string;
  /**
   * Starts the part. `env` it returns is added to the handlers' environment and `wiring` to their container's
   * settings; `stop` runs on the system's stop, after the HTTP server closed and before the stores go away.
   */
  start(
    context: LocalSystemPluginContext,
  ): Promise<{ env?: Record<string, string>; wiring?: LocalWiring; stop?: () => Promise<void> }>;
}

export interface LocalSystem extends LocalSystemSetup {
  /** What the handlers run in: the coordinator's composition roots with this system's endpoints. */
  container: CoordinatorContainer;
  apiUrl: string;
  tokenUrl: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * Brings up the coordinator on one machine: one HTTP server where `/oauth2/*` and `/.well-known/*` reach the
 * OAuth2 issuer and everything else reaches the API Gateway adapter in front of the real handlers; DynamoDB
 * Local and s3rver with the table and buckets; HPKE and TLS keys for servers A and B.
 */
export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const tableName = options.tableName ?? 'mpc-coordinator';
  const inputBucket = options.inputBucket ?? 'mpc-input-shares';
  const resultBucket = options.resultBucket ?? 'mpc-result-shares';
  // Named after the coordinator's input bucket, so that systems sharing one external emulator stay apart.
  const serverInputBuckets = { A: `${inputBucket}-server-a`, B: `${inputBucket}-server-b` };
  const clientSecret =
    options.clientSecret ?? process.env.MPC_LOCAL_CLIENT_SECRET ?? randomBytes(24).toString('base64url');
  // Undone in reverse order; the HTTP server first of all, so no request meets a half-stopped system.
  const cleanup: (() => Promise<void>)[] = [];
  let closeServer: (() => Promise<void>) | undefined;
  const stop = async (): Promise<void> => {
    const steps = [...(closeServer ? [closeServer] : []), ...cleanup.splice(0).reverse()];
    closeServer = undefined;
    for (const step of steps) {
      await step().catch((error: unknown) => log(`stopping: ${String(error)}`));
    }
  };

  try {
    const server = await startSingleOriginServer({
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      log,
      logRequests: options.logRequests,
    });
    closeServer = () => server.close();
    const keyDirectory = await mkdtemp(join(tmpdir(), 'mpc-server-keys-'));
    cleanup.push(() => rm(keyDirectory, { recursive: true, force: true }));
    const tableSetup = await (options.loadTableSetup ?? loadTableSetup)();
    const serverKeys = await generateServerKeys(keyDirectory);
    const dealerKey = await generateDealerKey(keyDirectory);
    const storage = await provideStorage({
      tableName,
      inputBucket,
      resultBucket,
      serverInputBuckets: Object.values(serverInputBuckets),
      access: localDomainAccess({ inputBucket, resultBucket, serverInputBuckets }),
      tableSetup,
      external: options.externalAws,
    });
    cleanup.push(() => storage.release());

    const stores = {
      dynamoEndpoint: storage.dynamoEndpoint,
      s3Endpoint: storage.s3Endpoint,
      tableName,
      inputBucket,
      resultBucket,
      serverInputBuckets,
      serverKeys,
      dealerKey,
    };
    const env = handlerEnvironment(stores);
    // For the tools and tests that read it; the handlers get their settings from the container below.
    Object.assign(process.env, env);
    const setup: LocalSystemSetup = { origin: server.origin, ...stores, env };
    // Made once the plugins gave their wiring; the plugins' handlers run in it from then on.
    const made: { container?: CoordinatorContainer } = {};
    const inSystem = <T>(body: () => T): T => {
      if (!made.container) throw new Error('the local system is not started yet');
      return coordinatorScope.run(made.container, body);
    };
    let wiring: LocalWiring = {};
    for (const plugin of options.plugins ?? []) {
      const started = await startPlugin(plugin, { ...setup, env: { ...env }, log, inSystem });
      if (started.stop) cleanup.push(started.stop);
      Object.assign(env, started.env);
      Object.assign(process.env, started.env);
      wiring = { ...wiring, ...started.wiring };
    }
    const container = new Container(
      coordinatorSettingsFrom(env, {
        ...wiring,
        aws: {
          region: LOCAL_REGION,
          credentials: LOCAL_CREDENTIALS,
          endpoints: { dynamodb: storage.dynamoEndpoint, s3: storage.s3Endpoint },
        },
      }),
    );
    made.container = container;
    const document = await loadOpenApiDocument(options.openApiPath ?? repoPaths.openApiSpec);
    const handlers = await (options.loadOperationHandlers ?? loadOperationHandlers)();

    const issuer = await createLocalIssuer({
      issuer: server.origin,
      clientSecret,
      audience: LOCAL_API_AUDIENCE,
      allowedScopes: declaredOAuthScopes(document),
    });
    const api = createHttpApiAdapter({
      routes: routesFromOpenApi(document),
      loadHandler: async (operationId) => {
        const handler = await loadHandler(handlers, operationId);
        return (event, context, callback) => inSystem(() => handler(event, context, callback));
      },
      authorizer: {
        issuer: server.origin,
        audience: [LOCAL_API_AUDIENCE],
        keys: keysFromIssuerDiscovery(server.origin),
      },
      region: LOCAL_REGION,
      onHandlerError: (operationId, error) =>
        log(`${operationId} failed: ${error instanceof Error ? error.stack : String(error)}`),
    });
    server.setListener((request, response) =>
      isIssuerPath(requestPath(request.url))
        ? issuer.handleRequest(request, response)
        : api(request, response),
    );

    return {
      ...setup,
      container,
      apiUrl: server.origin,
      tokenUrl: `${server.origin}${ISSUER_PATHS.token}`,
      clientSecret,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function handlerEnvironment(parts: Omit<LocalSystemSetup, 'origin' | 'env'>): Record<string, string> {
  return {
    TABLE_NAME: parts.tableName,
    INPUT_BUCKET: parts.inputBucket,
    RESULT_BUCKET: parts.resultBucket,
    // Input shares go to each server's own bucket; locally the coordinator signs with its own key pair.
    SERVER_A_INPUT_BUCKET: parts.serverInputBuckets.A,
    SERVER_B_INPUT_BUCKET: parts.serverInputBuckets.B,
    MPC_SERVER_KEYS: JSON.stringify(publicServerKeyConfigs(parts.serverKeys)),
    S3_FORCE_PATH_STYLE: 'true',
    // Test and demo webhook receivers listen on this machine over plain http.
    MPC_LOOPBACK_WEBHOOKS: 'true',
    // Service-specific endpoint variables: the SDK prefers them to AWS_ENDPOINT_URL, one per store.
    AWS_ENDPOINT_URL_DYNAMODB: parts.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: parts.s3Endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: 'mpc-coordinator',
  };
}

async function loadHandler(handlers: OperationHandlers, operationId: string): Promise<ApiHandler> {
  const load = handlers[operationId];
  if (!load) throw new Error(`no handler registered for operation ${operationId}`);
  return load();
}

async function startPlugin(
  plugin: LocalSystemPlugin,
  context: LocalSystemPluginContext,
): ReturnType<LocalSystemPlugin['start']> {
  try {
    return await plugin.start(context);
  } catch (error) {
    throw new Error(
      `${plugin.name} failed to start: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}
