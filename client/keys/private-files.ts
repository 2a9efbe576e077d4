import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Secret files under MPC_HOME: directories 0700, files 0600, each written once and atomically (a private
 * temporary file linked into place), so readers never see half a file and a secret is never replaced.
 */

/** Writes `content` at `path` unless a file is there; returns false when another writer got there first. */
export async function writePrivateFileOnce(home: string, path: string, content: string): Promise<boolean> {
  const directory = dirname(path);
  await makePrivateDirectories(home, directory);
  const temporaryPath = join(directory, `.${randomBytes(8).toString('hex')}.tmp`);
  const file = await open(temporaryPath, 'wx', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await link(temporaryPath, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporaryPath);
  }
}

/** The file's text, or undefined when absent. Like ssh, refuses a file others can access. */
export async function readPrivateFile(path: string): Promise<string | undefined> {
  try {
    if (process.platform !== 'win32') {
      const { mode } = await stat(path);
      if ((mode & 0o077) !== 0) {
        throw new Error(`${path} is accessible by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
      }
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function deletePrivateFile(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Ids become file names: allow only what cannot climb out of the directory. */
export function pathSegment(id: string, what: string): string {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/.test(id))
    throw new Error(`${what} cannot be used as a file name: ${id}`);
  return id;
}

/** Creates `home` and everything down to `directory` as 0700 (mkdir's mode is subject to the umask). */
async function makePrivateDirectories(home: string, directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  for (let current = directory; current.startsWith(home); current = dirname(current)) {
    await chmod(current, 0o700);
    if (current === home) break;
  }
}
