import type { CfnResource, RemovalPolicy } from 'aws-cdk-lib';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { lambdaBundling } from '../bundling/lambda-bundling.ts';
import { REPO_ROOT, repoPaths } from '../config/repo-paths.ts';
import { omitRoleDependency } from './role-dependency.ts';

export interface LambdaFunctionProps {
  /** TypeScript module exporting `handler`. */
  readonly entry: string;
  readonly environment: Record<string, string>;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly timeout?: Duration;
  readonly memorySize?: number;
}

/**
 * One Lambda function as every function of this app is built: esbuild-bundled ESM, nodejs22.x on arm64, its
 * own role that starts empty (callers add exactly what the function needs), its own log group. No X-Ray
 * tracing: docs/operations.md (Monitoring) says why.
 */
export class LambdaFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    // Written out instead of the AWSLambdaBasicExecutionRole managed policy, which allows every log group.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: repoPaths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.DISABLED,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourceMap,
        target: lambdaBundling.target,
        format: nodejs.OutputFormat.ESM,
        mainFields: [...lambdaBundling.mainFields],
        banner: lambdaBundling.banner,
        bundleAwsSDK: lambdaBundling.bundleAwsSdk,
        tsconfig: repoPaths.tsconfig,
      },
    });
    omitRoleDependency(this.function.node.defaultChild as CfnResource, this.role);
    NagSuppressions.addResourceSuppressions(this.function, [
      {
        id: 'AwsSolutions-L1',
        reason: 'nodejs22.x is the runtime the project targets and tests against (middy 6, SDK pins).',
      },
    ]);
  }
}
