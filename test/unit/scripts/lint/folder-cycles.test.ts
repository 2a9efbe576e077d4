import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycle, folderCycles, folderGraph } from '../../../../scripts/lint/folder-cycles.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'folder-cycles-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('folder cycles', () => {
  it('finds a cycle that runs through three top-level folders', () => {
    const root = repoWith({
      'local/a.ts': "import '../bench/b.ts';\n",
      'bench/b.ts': "export * from '../scripts/c.ts';\n",
      'scripts/c.ts': "const load = () => import('../local/a.ts');\nexport { load };\n",
      'test/t.ts': "import '../local/a.ts';\n",
    });
    const graph = folderGraph(root);
    const cycles = folderCycles(graph);
    expect(cycles).toEqual([['bench', 'scripts', 'local', 'bench']]);
    expect(describeCycle(graph, cycles[0] as string[])).toContain(
      'scripts/ -> local/ (scripts/c.ts imports ../local/a.ts)',
    );
  });

  it('finds none where imports only go one way', () => {
    const root = repoWith({
      'local/a.ts': "import '../lambdas/b.ts';\n",
      'lambdas/b.ts': "import '../contract/c.ts';\n",
      'contract/c.ts': 'export const c = 1;\n',
    });
    expect(folderCycles(folderGraph(root))).toEqual([]);
  });

  it('finds none in this repository', () => {
    expect(folderCycles(folderGraph(process.cwd()))).toEqual([]);
  });
});
