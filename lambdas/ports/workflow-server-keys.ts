import type { ComputationServerKey } from './server-directory.ts';

/** The servers' public keys, written into each job description for sealing dealer material. */
export type ServerKeyDirectory = readonly ComputationServerKey[];
