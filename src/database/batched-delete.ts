import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows deleted per statement: short transactions, no long lock. */
export const DELETE_BATCH_SIZE = 5000;

/**
 * Deletes the rows of `entity` that `condition` picks, a batch at a time; answers how
 * many. `key` is the table's primary key, one column or several. For repositories.
 */
export async function deleteInBatches(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  key: string,
  condition: string,
  parameters: Record<string, unknown>,
): Promise<number> {
  const table = manager.connection.getMetadata(entity).tableName;
  const keyList = key.includes(',') ? `(${key})` : key;
  let total = 0;
  for (;;) {
    const { affected } = await manager
      .createQueryBuilder()
      .delete()
      .from(entity)
      .where(`${keyList} IN (SELECT ${key} FROM ${table} WHERE ${condition} LIMIT :limit)`, {
        ...parameters,
        limit: DELETE_BATCH_SIZE,
      })
      .execute();
    total += affected ?? 0;
    if ((affected ?? 0) < DELETE_BATCH_SIZE) return total;
  }
}
