/**
 * `npm run keys:rotate -- --environment dev`: new key material for servers A and B (HPKE key pair and TLS
 * identity, in the computation service's secret format), written to their Secrets Manager secrets
 * (`mpc-<env>-serverA/key`, `mpc-<env>-serverB/key`), then prints the public key configs to deploy with:
 *   npx cdk deploy --all -c mpc:environment=<env> -c mpc:serverPublicKeys='<printed JSON>'
 * Honours AWS_ENDPOINT_URL like every SDK client. Procedure and caveats: docs/deploy.md, "Rotate keys".
 */
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createServerKeyMaterial } from '../mpc-servers/keys/server-keys.ts';
import type { Party } from '../contract/party.ts';
import { serverKeySecretName } from '../lib/constructs/mpc-tasks.ts';

function environmentArgument(): string {
  const index = process.argv.indexOf('--environment');
  const environment = index >= 0 ? process.argv[index + 1] : undefined;
  if (!environment) throw new Error('usage: npm run keys:rotate -- --environment <name>');
  return environment;
}

const environment = environmentArgument();
const client = new SecretsManagerClient({});
const publicConfigs = [];
for (const party of ['A', 'B'] as const satisfies readonly Party[]) {
  const material = await createServerKeyMaterial({
    commonName: `mpc-server-${party.toLowerCase()}.${environment}`,
  });
  const secretId = serverKeySecretName({ environmentName: environment }, `server${party}`);
  await client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: material.secretText }));
  console.error(`wrote ${secretId}`);
  publicConfigs.push({
    id: party,
    publicKey: material.hpkePublicKey,
    kem: 'DHKEM-X25519-HKDF-SHA256',
    kdf: 'HKDF-SHA256',
    aead: 'AES-128-GCM',
    // Public: the peer server pins it on the A-B link (PEER_TLS_FINGERPRINT of the other task).
    tlsFingerprint: material.tlsFingerprint,
  });
}
// stdout carries only the JSON, so that `$(npm run -s keys:rotate -- ...)` can feed it to cdk deploy.
console.log(JSON.stringify(publicConfigs));
