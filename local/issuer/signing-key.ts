import { calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  privateKey: CryptoKey;
  /** Public JWK with kid, alg and use, as published in the JWKS. */
  publicJwk: JWK;
}

/** A fresh RS256 key for this process only: tokens die with the local runtime, as intended. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { privateKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } };
}
