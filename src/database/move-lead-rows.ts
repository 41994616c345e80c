import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Merge: every row of one table that belongs to a lead (its `lead_id`) moves to another
 * lead; answers how many. Each table's repository calls it for its own table only.
 */
export async function moveLeadRows(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  fromLeadId: string,
  toLeadId: string,
): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ leadId: toLeadId })
    .where('lead_id = :fromLeadId', { fromLeadId })
    .execute();
  return result.affected ?? 0;
}
