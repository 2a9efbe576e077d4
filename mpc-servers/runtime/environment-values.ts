import { JobFailure } from './failure.ts';

/** Reading one task setting from the environment: a missing or malformed value is a CONFIGURATION failure. */
export function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '')
    throw new JobFailure('CONFIGURATION', `environment variable ${name} is not set`);
  return value;
}

export function optionalNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed))
    throw new JobFailure('CONFIGURATION', `environment variable ${name} is not a number`);
  return parsed;
}
