import { parseServerKeyPins, requireBothPins } from '../../client/sdk/server-key-pins.ts';
import { startLocalSystem } from '../runtime/local-system.ts';
import { externalAwsFromEnv } from '../runtime/storage.ts';
import { localWorkflowPlugin } from '../workflow/local-workflow-plugin.ts';

/** Where the demo's client services talk to, and how to let go of it afterwards. */
export interface DemoRuntime {
  apiUrl: string;
  tokenUrl: string;
  clientSecret: string;
  /** Both servers' public keys, pinned out of band: MPC_SERVER_KEYS of a running system, or the keys made here. */
  serverKeys: { A: string; B: string };
  /** True when the demo started the system itself (and `stop` stops it). */
  startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * The local runtime at MPC_API_URL if its health check answers (then MPC_TOKEN_URL, MPC_CLIENT_SECRET and
 * MPC_SERVER_KEYS, all printed by `npm start`, must be set too), else a whole local system started in this process with the workflow, as `npm start` runs it.
 */
export async function connectDemoRuntime(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<DemoRuntime> {
  const apiUrl = env.MPC_API_URL;
  if (apiUrl && (await answers(apiUrl))) {
    const tokenUrl = env.MPC_TOKEN_URL;
    const clientSecret = env.MPC_CLIENT_SECRET;
    const pins = env.MPC_SERVER_KEYS;
    if (!tokenUrl || !clientSecret || !pins) {
      throw new Error(
        `${apiUrl} answers, but MPC_TOKEN_URL, MPC_CLIENT_SECRET and MPC_SERVER_KEYS are not all set`,
      );
    }
    const serverKeys = requireBothPins(parseServerKeyPins(pins));
    log(`using the running system at ${apiUrl}`);
    return { apiUrl, tokenUrl, clientSecret, serverKeys, startedHere: false, stop: async () => undefined };
  }
  log(`${apiUrl ? `nothing answers at ${apiUrl}; ` : ''}starting a local system in this process`);
  // The in-process handlers log every step; the demo's own output is the point, so keep warnings only.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_DEV ??= 'true';
  const workflow = localWorkflowPlugin({
    taskLog: (container, line) => {
      if (env.MPC_DEMO_VERBOSE) log(`[${container}] ${line}`);
    },
  });
  const system = await startLocalSystem({
    port: 0,
    externalAws: externalAwsFromEnv(),
    log: () => undefined,
    plugins: [workflow],
  });
  log(`local system up at ${system.apiUrl}`);
  return {
    apiUrl: system.apiUrl,
    tokenUrl: system.tokenUrl,
    clientSecret: system.clientSecret,
    serverKeys: requireBothPins(Object.fromEntries(system.serverKeys.map((key) => [key.id, key.publicKey]))),
    startedHere: true,
    stop: () => system.stop(),
  };
}

async function answers(apiUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl.replace(/\/+$/, '')}/v1/health`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
