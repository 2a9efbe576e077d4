import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPUTE_TASK_NODE_FLAGS } from '../../../contract/job/compute-task-node-flags.ts';
import { REPO_ROOT, repoPaths } from '../../../lib/config/repo-paths.ts';

interface Stage {
  from: string;
  name?: string;
  /** Instruction keywords of the stage, upper case, in order. */
  instructions: string[];
}

/** The stages of a Dockerfile: comments dropped, continuation lines joined. */
function stages(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const result: Stage[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') {
      const as = rest.findIndex((word) => word.toUpperCase() === 'AS');
      result.push({ from: rest.join(' '), name: as >= 0 ? rest[as + 1] : undefined, instructions: [] });
    } else if (result.length > 0) {
      result[result.length - 1]!.instructions.push(keyword.toUpperCase());
    }
  }
  return result;
}

/** What a runtime stage may hold besides COPY: metadata, nothing that runs a command. */
const METADATA_OR_COPY = new Set([
  'COPY',
  'ENV',
  'WORKDIR',
  'USER',
  'ENTRYPOINT',
  'CMD',
  'LABEL',
  'EXPOSE',
  'ARG',
  'STOPSIGNAL',
]);

const BUILD_PLATFORM = /--platform=\$(\{BUILDPLATFORM\}|BUILDPLATFORM)\b/;

describe('MPC container Dockerfile', () => {
  const dockerfile = stages(readFileSync(join(REPO_ROOT, repoPaths.mpcDockerfile), 'utf8'));

  it('runs commands only in stages of the build platform, so arm64 builds on x86 without emulation', () => {
    const targetStages = dockerfile.filter((stage) => !BUILD_PLATFORM.test(stage.from));
    expect(targetStages.length).toBeGreaterThan(0);
    for (const stage of targetStages) expect(stage.instructions, stage.from).not.toContain('RUN');
  });

  it('ends with a runtime stage of COPY and metadata only', () => {
    const runtime = dockerfile.at(-1)!;
    expect(runtime.name).toBe('runtime');
    expect(runtime.from).not.toMatch(BUILD_PLATFORM);
    expect(runtime.instructions).toContain('COPY');
    expect(runtime.instructions.filter((keyword) => !METADATA_OR_COPY.has(keyword))).toEqual([]);
  });

  it("starts node with the computation tasks' flags, as the ECS container definitions do", () => {
    const text = readFileSync(join(REPO_ROOT, repoPaths.mpcDockerfile), 'utf8');
    const entryPoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(text)?.[1];
    expect(entryPoint && JSON.parse(entryPoint)).toEqual(['node', ...COMPUTE_TASK_NODE_FLAGS]);
  });
});
