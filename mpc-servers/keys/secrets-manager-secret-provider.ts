/**
 * `SecretProvider` on AWS Secrets Manager: `id` is the secret's ARN or name. The client honours
 * `AWS_ENDPOINT_URL` unless `clientConfig.endpoint` overrides it.
 */
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  type SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';
import type { SecretProvider } from './secret-provider.ts';
import { SDK_SOCKET_TIMEOUTS } from '../../contract/aws/sdk-timeouts.ts';

export class SecretsManagerSecretProvider implements SecretProvider {
  private readonly client: SecretsManagerClient;

  constructor(options: { client?: SecretsManagerClient; clientConfig?: SecretsManagerClientConfig } = {}) {
    this.client =
      options.client ?? new SecretsManagerClient({ ...SDK_SOCKET_TIMEOUTS, ...options.clientConfig });
  }

  async getSecretText(id: string): Promise<string> {
    const response = await this.client.send(new GetSecretValueCommand({ SecretId: id }));
    if (response.SecretString !== undefined) return response.SecretString;
    if (response.SecretBinary !== undefined) return Buffer.from(response.SecretBinary).toString('utf8');
    throw new Error(`secret ${id} has no value`);
  }
}
