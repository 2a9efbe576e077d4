#!/usr/bin/env -S npx tsx
/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy` (see docs/deploy.md). Configured through context
 * (`-c mpc:environment=prod`, ...). Each domain's account and region come from `mpc:domains`; a domain without
 * them takes the CLI's (one account: development only, and synth warns).
 */
import { App } from 'aws-cdk-lib';
import { applyNagChecks, buildMpcApp } from '../lib/mpc-app.ts';

const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
buildMpcApp(app, { env: account && region ? { account, region } : undefined });
applyNagChecks(app);
app.synth();
