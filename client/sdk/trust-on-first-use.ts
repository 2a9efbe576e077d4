import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ComputationServer } from './api-models.ts';
import {
  parseServerKeyPins,
  requireBothPins,
  ServerKeyMismatchError,
  type CompleteServerKeyPins,
} from './server-key-pins.ts';

/**
 * Development mode only (MPC_TRUST_ON_FIRST_USE=true): instead of pins from the servers' operators, the keys
 * the coordinator names the first time are stored under MPC_HOME (`server-keys.json`) and pinned from then
 * on. A later change is refused with a warning, as ssh does: a changed key is either a rotation the operators
 * announced (delete the file to accept it) or a coordinator naming keys it can open. The first use itself
 * trusts the coordinator, which is why this is not for production.
 */
export interface TrustOnFirstUse {
  /** Where the first-seen keys are kept: `<MPC_HOME>/server-keys.json`. */
  file: string;
  /** Told when keys are first stored and when a key changed. */
  warn: (message: string) => void;
}

export function trustOnFirstUseIn(home: string, warn: (message: string) => void): TrustOnFirstUse {
  return { file: join(home, 'server-keys.json'), warn };
}

/** The stored keys, or the offered ones stored now; a changed key is refused before anything is sealed. */
export async function trustedServerKeys(
  trust: TrustOnFirstUse,
  offered: readonly ComputationServer[],
): Promise<CompleteServerKeyPins> {
  const current = requireBothPins(
    Object.fromEntries(offered.filter((s) => s.id === 'A' || s.id === 'B').map((s) => [s.id, s.publicKey])),
  );
  const stored = await readStored(trust.file);
  if (stored === undefined) {
    await mkdir(dirname(trust.file), { recursive: true, mode: 0o700 });
    const temporary = `${trust.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(current), { mode: 0o600 });
    await rename(temporary, trust.file);
    trust.warn(
      `trusting the computation server keys the coordinator named on first use (development mode), stored in ${trust.file}`,
    );
    return current;
  }
  const changed = (['A', 'B'] as const).filter((party) => stored[party] !== current[party]);
  if (changed.length > 0) {
    const message = `the public key of computation server ${changed.join(' and ')} changed since first use (stored in ${trust.file}); nothing was sealed or uploaded. If the servers' operators announced a rotation, delete that file; otherwise the coordinator may be naming keys it can open`;
    trust.warn(`WARNING: ${message}`);
    throw new ServerKeyMismatchError(message);
  }
  return stored;
}

/** The keys stored on first use, for opening result shares (undefined when none were stored yet). */
export async function storedServerKeys(trust: TrustOnFirstUse): Promise<CompleteServerKeyPins | undefined> {
  return readStored(trust.file);
}

async function readStored(file: string): Promise<CompleteServerKeyPins | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return requireBothPins(parseServerKeyPins(text));
}
