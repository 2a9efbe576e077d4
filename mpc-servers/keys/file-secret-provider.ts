/**
 * `SecretProvider` on local files (local runtime): `id` is a file path. Like ssh, it refuses a file that
 * group or others may read; `writeSecretFile` creates one with mode 0600.
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import type { SecretProvider } from './secret-provider.ts';

export class FileSecretProvider implements SecretProvider {
  async getSecretText(path: string): Promise<string> {
    const info = await stat(path);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new Error(
        `key file ${path} is readable by group or others (mode ${(info.mode & 0o777).toString(8)}); chmod 600 it`,
      );
    }
    return readFile(path, 'utf8');
  }
}

export async function writeSecretFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600); // writeFile keeps the mode of an existing file
}
