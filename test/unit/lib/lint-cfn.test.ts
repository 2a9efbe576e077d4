import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemblyTemplates } from '../../../deploy/lint-cfn.ts';

const root = mkdtempSync(path.join(tmpdir(), 'assembly-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function manifest(dir: string, artifacts: Record<string, object>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
}

describe('npm run lint:cfn', () => {
  it('finds every stack template through the manifests, nested assemblies (stages) included', () => {
    manifest(root, {
      'App-Coordinator': {
        type: 'aws:cloudformation:stack',
        properties: { templateFile: 'App-Coordinator.template.json' },
      },
      'App-Coordinator.assets': {
        type: 'cdk:asset-manifest',
        properties: { file: 'App-Coordinator.assets.json' },
      },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
      'assembly-ServerA': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-ServerA' } },
    });
    manifest(path.join(root, 'assembly-ServerA'), {
      'ServerA-Compute': {
        type: 'aws:cloudformation:stack',
        properties: { templateFile: 'ServerA-Compute.template.json' },
      },
    });
    expect(assemblyTemplates(root)).toEqual([
      path.join(root, 'App-Coordinator.template.json'),
      path.join(root, 'assembly-ServerA', 'ServerA-Compute.template.json'),
    ]);
  });
});
