import { optionalNumber } from './environment-values.ts';
import { JobFailure } from './failure.ts';

/**
 * How dealer material reaches the servers (MPC_MATERIAL_PATH): `stream` (default), straight from the dealer
 * over the material stream (`streamed-material.ts`), or `s3`, through the input bucket
 * (`stored-material.ts`). Dealer and servers of one job must agree. For the stream the dealer listens on
 * MPC_MATERIAL_HOST (default 0.0.0.0 on ECS, 127.0.0.1 elsewhere) and MPC_MATERIAL_PORT (default 0: any
 * free port; the deployment fixes one for its security groups) and holds at most MPC_MATERIAL_WINDOW_MIB per
 * server.
 */
export interface MaterialPath {
  mode: 'stream' | 's3';
  /** Dealer only: where it listens; the advertised host is the task's private IP on ECS. */
  host?: string;
  port: number;
  windowBytes?: number;
}

export function materialPathFrom(env: NodeJS.ProcessEnv): MaterialPath {
  const mode = env.MPC_MATERIAL_PATH || 'stream';
  if (mode !== 'stream' && mode !== 's3')
    throw new JobFailure('CONFIGURATION', `MPC_MATERIAL_PATH must be stream or s3, got ${mode}`);
  const port = optionalNumber(env, 'MPC_MATERIAL_PORT') ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new JobFailure('CONFIGURATION', 'MPC_MATERIAL_PORT must be a TCP port');
  const windowMiB = optionalNumber(env, 'MPC_MATERIAL_WINDOW_MIB');
  if (windowMiB !== undefined && !(windowMiB > 0))
    throw new JobFailure('CONFIGURATION', 'MPC_MATERIAL_WINDOW_MIB must be positive');
  return {
    mode,
    port,
    ...(env.MPC_MATERIAL_HOST ? { host: env.MPC_MATERIAL_HOST } : {}),
    ...(windowMiB !== undefined ? { windowBytes: Math.round(windowMiB * 1024 * 1024) } : {}),
  };
}
