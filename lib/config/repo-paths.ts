import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so that the app synthesizes the same from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const repoPaths = {
  openApiSpec: path.join(REPO_ROOT, 'openapi.yml'),
  lockFile: path.join(REPO_ROOT, 'package-lock.json'),
  tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  /** The shared Step Functions definition; the workflow stack exists only once this file does. */
  workflowDefinition: path.join(REPO_ROOT, 'workflow', 'collaboration.asl.json'),
  mpcDockerfile: 'mpc-servers/Dockerfile',
  /** One Lambda handler module per OpenAPI operation, named after its operationId in kebab case. */
  operationHandler: (operationId: string): string =>
    path.join(REPO_ROOT, 'lambdas', 'handlers', `${kebabCase(operationId)}.ts`),
} as const;

export function fileExists(file: string): boolean {
  return existsSync(file);
}

/** A workflow step's handler module: `lambdas/handlers/workflow/<step-name>.ts`, exporting `handler`. */
export function workflowStepHandler(stepName: string): string {
  return path.join(REPO_ROOT, 'lambdas', 'handlers', 'workflow', `${kebabCase(stepName)}.ts`);
}

/** `createInput` and `CloseInputs` to `create-input` and `close-inputs`: every file name is kebab case. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
