import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ApiHandler } from '../http-adapter/http-api-adapter.ts';

/**
 * The coordinator's own modules the local runtime loads, imported on first use as a Lambda container loads
 * its own. The handlers take their settings from the container the runtime runs them in, not from here.
 */
export type OperationHandlers = Record<string, () => Promise<ApiHandler>>;

export interface TableSetup {
  definition: (tableName: string) => CreateTableCommandInput;
  /** Enabled after creation, as CDK does (CreateTable cannot set TTL). */
  ttlAttribute?: string;
}

export async function loadOperationHandlers(): Promise<OperationHandlers> {
  return (await import('../../lambdas/handlers/registry.ts')).operationHandlers;
}

export async function loadTableSetup(): Promise<TableSetup> {
  const module = await import('../../contract/table/table-definition.ts');
  return { definition: module.collaborationTableDefinition, ttlAttribute: module.TTL_ATTRIBUTE };
}
