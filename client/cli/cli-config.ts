import type { MpcClientOptions } from '../sdk/mpc-client.ts';
import type { OptionValues } from './command-line.ts';
import { UsageError } from './usage-error.ts';
import { defaultMpcHome } from '../keys/key-store.ts';
import { readFile } from 'node:fs/promises';
import { parseServerKeyPins, type ServerKeyPins } from '../sdk/server-key-pins.ts';
import { trustOnFirstUseIn, type TrustOnFirstUse } from '../sdk/trust-on-first-use.ts';

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

/** How the CLI knows the servers' keys: pins from their operators, or (development) trust on first use. */
export interface ServerKeyOptions {
  pinnedServerKeys?: ServerKeyPins;
  trustOnFirstUse?: TrustOnFirstUse;
}

/**
 * The servers' keys: MPC_SERVER_KEYS and `--server-key-file A=FILE` (a file per operator: the key itself or
 * the JSON its `keys:rotate` printed; a file wins over the variable for its server). With neither and
 * MPC_TRUST_ON_FIRST_USE=true, trust on first use under `home`. With nothing at all, pins stay empty and
 * submitting is refused before anything is sealed.
 */
export async function serverKeyOptionsFrom(
  values: OptionValues,
  env: NodeJS.ProcessEnv,
  home: string,
  warn: (message: string) => void,
): Promise<ServerKeyOptions> {
  const pins: ServerKeyPins = { ...serverKeyPinsFrom(env) };
  for (const argument of (values['server-key-file'] as string[] | undefined) ?? []) {
    const match = /^([AB])=(.+)$/.exec(argument);
    if (!match) throw new UsageError(`--server-key-file ${argument}: expected A=FILE or B=FILE`);
    const [, party, file] = match as unknown as [string, 'A' | 'B', string];
    pins[party] = await keyFromFile(party, file);
  }
  if (pins.A || pins.B) return { pinnedServerKeys: pins };
  if (env.MPC_TRUST_ON_FIRST_USE === 'true') return { trustOnFirstUse: trustOnFirstUseIn(home, warn) };
  return {};
}

async function keyFromFile(party: 'A' | 'B', file: string): Promise<string> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new UsageError(`--server-key-file ${party}=${file}: ${(error as Error).message}`);
  }
  if (/^[A-Za-z0-9_-]{43}$/.test(text)) return text;
  let key: string | undefined;
  try {
    key = parseServerKeyPins(text)[party];
  } catch (error) {
    throw new UsageError(`--server-key-file ${party}=${file}: ${(error as Error).message}`);
  }
  if (!key) throw new UsageError(`--server-key-file ${party}=${file} names no key for server ${party}`);
  return key;
}

/**
 * The servers' public keys to pin (MPC_SERVER_KEYS: the JSON `npm run keys:rotate` prints, or `{"A":..,"B":..}`),
 * from the servers' operators rather than the coordinator.
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
