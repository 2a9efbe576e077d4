import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ApiHandler } from '../http-adapter/http-api-adapter.ts';

/**
 * The coordinator's own modules the local runtime loads. Imported lazily so that the handlers see the
 * environment the runtime sets up first, exactly as in a Lambda container.
 */
export type OperationHandlers = Record<string, () => Promise<ApiHandler>>;
export interface TableSetup {
  definition: (tableName: string) => CreateTableCommandInput;
  /** Enabled after creation, as CDK does (CreateTable cannot set TTL). */
  ttlAttribute?: string;
}

// Specifiers kept in variables: these modules belong to the API and may land after this file.
const registryModule = '../../lambdas/handlers/registry.ts';
const tableDefinitionModule = '../../lambdas/adapters/dynamodb/table-definition.ts';

export async function loadOperationHandlers(): Promise<OperationHandlers> {
  const module = (await import(/* @vite-ignore */ registryModule)) as {
    operationHandlers: OperationHandlers;
  };
  return module.operationHandlers;
}

export async function loadTableSetup(): Promise<TableSetup> {
  const module = (await import(/* @vite-ignore */ tableDefinitionModule)) as {
    collaborationTableDefinition: TableSetup['definition'];
    TTL_ATTRIBUTE?: string;
  };
  return { definition: module.collaborationTableDefinition, ttlAttribute: module.TTL_ATTRIBUTE };
}
