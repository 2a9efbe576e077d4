import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { importedFolder, topLevelFolder } from './import-targets.js';

/** Folder → the folders it imports, each with one example import (for the message). */
export type FolderGraph = Map<string, Map<string, string>>;

const SKIPPED = new Set(['node_modules', '.git', '.cache', 'cdk.out', 'coverage', 'dist']);
const SOURCE = /\.(ts|js|mjs|cjs)$/;

function* sourceFiles(root: string, directory = ''): Generator<string> {
  for (const entry of readdirSync(path.join(root, directory), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const relative = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(root, relative);
    else if (SOURCE.test(entry.name)) yield relative;
  }
}

/** The top-level folder graph of the repository at `root`, from every relative import and re-export. */
export function folderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = topLevelFolder(file);
    if (from === undefined) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const to = importedFolder(root, file, fileName);
      if (to === undefined || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${file} imports ${fileName}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle of the graph as a list of folders, first folder repeated at the end; none when acyclic. */
export function folderCycles(graph: FolderGraph): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (folder: string, trail: string[]): void => {
    const seen = trail.indexOf(folder);
    if (seen >= 0) {
      cycles.push([...trail.slice(seen), folder]);
      return;
    }
    if (done.has(folder)) return;
    for (const next of [...(graph.get(folder)?.keys() ?? [])].sort()) visit(next, [...trail, folder]);
    done.add(folder);
  };
  for (const folder of [...graph.keys()].sort()) visit(folder, []);
  return cycles;
}

/** One line per cycle, each edge with the import that makes it. */
export function describeCycle(graph: FolderGraph, cycle: string[]): string {
  const edges = cycle.slice(1).map((to, index) => {
    const from = cycle[index] as string;
    return `  ${from}/ -> ${to}/ (${graph.get(from)?.get(to) ?? '?'})`;
  });
  return [`cycle ${cycle.map((folder) => `${folder}/`).join(' -> ')}`, ...edges].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const graph = folderGraph(root);
  const cycles = folderCycles(graph);
  if (cycles.length > 0) {
    console.error(
      `Top-level folders import each other in a cycle:\n${cycles.map((c) => describeCycle(graph, c)).join('\n')}`,
    );
    process.exit(1);
  }
  console.error(`folder graph: ${graph.size} folders, no cycle`);
}
