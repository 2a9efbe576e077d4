import fc from 'fast-check';

/**
 * Vitest setup: FC_SEED=<n> fixes the seed of every fast-check property and sample, so that a run repeats
 * exactly (.ci/run sets one, so that the landing gate does not depend on luck). Unset or `random`, each run
 * explores new cases; a failing property prints the seed that repeats it.
 */
const setting = process.env.FC_SEED;
if (setting !== undefined && setting !== '' && setting !== 'random') {
  const seed = Number(setting);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not "${setting}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
