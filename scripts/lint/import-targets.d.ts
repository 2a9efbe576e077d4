export function topLevelFolder(relativePath: string): string | undefined;
export function importedFolder(root: string, importerPath: string, specifier: string): string | undefined;
