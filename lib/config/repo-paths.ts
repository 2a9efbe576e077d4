import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so that the app synthesizes the same from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const repoPaths = {
  openApiSpec: path.join(REPO_ROOT, 'openapi.yml'),
  lockFile: path.join(REPO_ROOT, 'package-lock.json'),
  tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  /** The shared Step Functions definition (issue 4); the workflow stack exists only once this file does. */
  workflowDefinition: path.join(REPO_ROOT, 'workflow', 'collaboration.asl.json'),
  mpcDockerfile: 'mpc-servers/Dockerfile',
  /** One Lambda handler module per OpenAPI operation, named after its operationId. */
  operationHandler: (operationId: string): string =>
    path.join(REPO_ROOT, 'lambdas', 'handlers', `${operationId}.ts`),
} as const;

export function fileExists(file: string): boolean {
  return existsSync(file);
}

/** A workflow step's handler module: `lambdas/handlers/workflow/<StepName>.ts`, exporting `handler`. */
export function workflowStepHandler(stepName: string): string {
  return path.join(REPO_ROOT, 'lambdas', 'handlers', 'workflow', `${stepName}.ts`);
}
