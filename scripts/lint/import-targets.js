import path from 'node:path';
import { TOP_LEVEL_FOLDERS } from './folder-rules.js';

/** The top-level folder of a repository-relative path, or undefined for files at the root or outside it. */
export function topLevelFolder(relativePath) {
  const [first, ...rest] = relativePath.split(/[\\/]/);
  return rest.length > 0 && TOP_LEVEL_FOLDERS.includes(first) ? first : undefined;
}

/** The top-level folder a relative import specifier of `importerPath` lands in (both relative to `root`). */
export function importedFolder(root, importerPath, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.relative(root, path.resolve(root, path.dirname(importerPath), specifier));
  return target.startsWith('..') ? undefined : topLevelFolder(target);
}
