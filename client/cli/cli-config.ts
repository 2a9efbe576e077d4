import type { MpcClientOptions } from '../sdk/mpc-client.ts';
import type { OptionValues } from './command-line.ts';
import { UsageError } from './usage-error.ts';
import { defaultMpcHome } from '../keys/key-store.ts';
import { parseServerKeyPins, type ServerKeyPins } from '../sdk/server-key-pins.ts';

const SETTINGS = [
  ['apiUrl', 'api-url', 'MPC_API_URL'],
  ['tokenUrl', 'token-url', 'MPC_TOKEN_URL'],
  ['clientId', 'client-id', 'MPC_CLIENT_ID'],
  ['clientSecret', 'client-secret', 'MPC_CLIENT_SECRET'],
] as const;

/** Connection settings: a flag wins over its environment variable; every one is needed. */
export function clientOptionsFrom(values: OptionValues, env: NodeJS.ProcessEnv): MpcClientOptions {
  const options: Partial<Record<(typeof SETTINGS)[number][0], string>> = {};
  const missing: string[] = [];
  for (const [key, flag, variable] of SETTINGS) {
    const value = (values[flag] as string | undefined) ?? env[variable];
    if (value) options[key] = value;
    else missing.push(`${variable} (or --${flag})`);
  }
  if (missing.length > 0) throw new UsageError(`not configured: set ${missing.join(', ')}`);
  return options as MpcClientOptions;
}

/**
 * The servers' public keys to pin (MPC_SERVER_KEYS: the JSON `npm run keys:rotate` prints, or `{"A":..,"B":..}`),
 * from the servers' operators rather than the coordinator. Unset: the coordinator's keys are used as given.
 */
export function serverKeyPinsFrom(env: NodeJS.ProcessEnv): ServerKeyPins | undefined {
  const text = env.MPC_SERVER_KEYS;
  if (!text) return undefined;
  try {
    return parseServerKeyPins(text);
  } catch (error) {
    throw new UsageError(`MPC_SERVER_KEYS: ${(error as Error).message}`);
  }
}

/** Where result keys and webhook secrets live: --home, MPC_HOME, or ~/.mpc. */
export function mpcHomeFrom(values: OptionValues, env: NodeJS.ProcessEnv): string {
  return (values.home as string | undefined) || defaultMpcHome(env);
}
