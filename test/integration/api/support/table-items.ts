import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../../../../lambdas/composition-root.ts';
import type { LocalSystem } from '../../../../local/runtime/ephemeral-system.ts';

/** Every item of the system's table: collaborations, participations, inputs and idempotency records alike. */
export async function tableItems(system: LocalSystem): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await system.container
      .get(documents)
      .send(new ScanCommand({ TableName: system.tableName, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
