import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ApiHandler } from '../http-adapter/http-api-adapter.ts';

/**
 * The coordinator's own modules the local runtime loads. Imported lazily so that the handlers see the
 * environment the runtime sets up first, exactly as in a Lambda container.
 */
export type OperationHandlers = Record<string, () => Promise<ApiHandler>>;
export type TableDefinition = (tableName: string) => CreateTableCommandInput;

// Specifiers kept in variables: these modules belong to the API and may land after this file.
const registryModule = '../../lambdas/handlers/registry.ts';
const tableDefinitionModule = '../../lambdas/adapters/dynamodb/table-definition.ts';

export async function loadOperationHandlers(): Promise<OperationHandlers> {
  const module = (await import(/* @vite-ignore */ registryModule)) as {
    operationHandlers: OperationHandlers;
  };
  return module.operationHandlers;
}

export async function loadTableDefinition(): Promise<TableDefinition> {
  const module = (await import(/* @vite-ignore */ tableDefinitionModule)) as {
    collaborationTableDefinition: TableDefinition;
  };
  return module.collaborationTableDefinition;
}
