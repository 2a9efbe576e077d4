import type { Party } from '../../contract/party.ts';

/** One computation server's HPKE (RFC 9180) key configuration, as configured in MPC_SERVER_KEYS. */
export interface ComputationServerKey {
  id: Party;
  publicKey: string;
  kem: 'DHKEM-X25519-HKDF-SHA256';
  kdf: 'HKDF-SHA256';
  aead: 'AES-128-GCM';
}
