import { RemovalPolicy } from 'aws-cdk-lib';
import type { DeploymentConfig } from './deployment-config.ts';

/** Stateful resources outlive a production stack's deletion; every other environment cleans up after itself. */
export function removalPolicyFor(config: Pick<DeploymentConfig, 'isProduction'>): RemovalPolicy {
  return config.isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}
