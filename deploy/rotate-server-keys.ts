/**
 * `npm run keys:rotate -- --environment <env> --party A|B|dealer`: new key material for ONE party, made in
 * the account whose credentials run it and written to that party's own secret:
 *
 * - A or B: HPKE key pair and TLS identity (the computation service's secret format) to
 *   `mpc-<env>-server<P>/key`; prints that server's public config (id, HPKE public key, suite, TLS
 *   fingerprint) for the coordinator's `mpc:serverPublicKeys`, the peer's PEER_TLS_FINGERPRINT and clients.
 * - dealer: the dealer's HPKE key pair to `mpc-<env>-dealer/key`; prints its public key, which each server's
 *   operator sets as MPC_DEALER_PUBLIC_KEY.
 *
 * Each party's operator runs it in its own account: no run ever makes, holds or writes two parties' private
 * keys. stdout carries only the public JSON, so `$(npm run -s keys:rotate -- ...)` can be handed on.
 * Honours AWS_ENDPOINT_URL like every SDK client. Procedure: docs/deploy.md, "Rotate keys".
 */
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createDealerKeyMaterial } from '../mpc-servers/keys/dealer-keys.ts';
import { createServerKeyMaterial } from '../mpc-servers/keys/server-keys.ts';
import { serverKeySecretName } from '../lib/constructs/mpc-tasks.ts';

const USAGE = 'usage: npm run keys:rotate -- --environment <name> --party A|B|dealer';

function argument(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value || value.startsWith('--')) throw new Error(USAGE);
  return value;
}

const environment = argument('environment');
const party = argument('party');
if (party !== 'A' && party !== 'B' && party !== 'dealer') throw new Error(USAGE);

const client = new SecretsManagerClient({});
const write = async (secretId: string, secretText: string): Promise<void> => {
  await client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: secretText }));
  console.error(`wrote ${secretId} (the previous value stays as its AWSPREVIOUS version)`);
};

if (party === 'dealer') {
  const material = await createDealerKeyMaterial();
  await write(serverKeySecretName({ environmentName: environment }, 'dealer'), material.secretText);
  console.log(JSON.stringify({ id: 'dealer', publicKey: material.hpkePublicKey }));
} else {
  const material = await createServerKeyMaterial({
    commonName: `mpc-server-${party.toLowerCase()}.${environment}`,
  });
  await write(serverKeySecretName({ environmentName: environment }, `server${party}`), material.secretText);
  // One entry, in the list form `mpc:serverPublicKeys` and MPC_SERVER_KEYS take: C joins A's and B's.
  console.log(
    JSON.stringify([
      {
        id: party,
        publicKey: material.hpkePublicKey,
        kem: 'DHKEM-X25519-HKDF-SHA256',
        kdf: 'HKDF-SHA256',
        aead: 'AES-128-GCM',
        // Public: the peer server pins it on the A-B link (PEER_TLS_FINGERPRINT of the other task).
        tlsFingerprint: material.tlsFingerprint,
      },
    ]),
  );
}
