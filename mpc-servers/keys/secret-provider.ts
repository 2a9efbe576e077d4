/**
 * Port: where a server's secret key material comes from. Adapters: `SecretsManagerSecretProvider` (AWS)
 * and `FileSecretProvider` (local runtime). `getSecretText(id)` returns the secret's text; implementations
 * never log it or put it into error messages.
 */
export interface SecretProvider {
  getSecretText(id: string): Promise<string>;
}
