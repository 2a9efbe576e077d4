import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS, DISABLE_ASSET_STAGING_CONTEXT } from 'aws-cdk-lib/cx-api';
import { REPO_ROOT } from '../../../lib/config/repo-paths.ts';
import { applyNagChecks, buildMpcApp, type MpcAppOptions, type MpcAppStacks } from '../../../lib/mpc-app.ts';

/** The context of `cdk.json` (feature flags included), so tests synthesize what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: object };
  return { ...cdkJson.context };
}

export interface SynthesizedApp extends MpcAppStacks {
  readonly app: App;
  readonly coordinatorTemplate: Template;
  /** The dealer's stack, in the coordinator's domain. */
  readonly computationTemplate: Template;
  readonly serverTemplates: Readonly<Record<'A' | 'B', Template>>;
  /** What the app printed as warnings (instead of stderr). */
  readonly warnings: readonly string[];
}

/**
 * Synthesizes the real app with cdk-nag applied, but without esbuild bundling or asset staging: the
 * templates are the deployed ones, only the asset contents are not produced.
 */
export function synthesizeApp(
  context: Record<string, unknown> = {},
  options: MpcAppOptions = {},
): SynthesizedApp {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      [BUNDLING_STACKS]: [],
      [DISABLE_ASSET_STAGING_CONTEXT]: true,
      ...context,
    },
  });
  const warnings: string[] = [];
  const stacks = buildMpcApp(app, { warn: (message) => warnings.push(message), ...options });
  applyNagChecks(app);
  app.synth();
  return {
    ...stacks,
    app,
    coordinatorTemplate: Template.fromStack(stacks.coordinator),
    computationTemplate: Template.fromStack(stacks.computation),
    serverTemplates: {
      A: Template.fromStack(stacks.servers.A),
      B: Template.fromStack(stacks.servers.B),
    },
    warnings,
  };
}
