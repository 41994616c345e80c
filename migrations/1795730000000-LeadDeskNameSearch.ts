import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search of the lead desk at a million leads (BENCHMARKS.md, bench:admin):
 *
 * - A search of several words wants each as the start of a word of the name. As a
 *   `to_tsquery` prefix (`'linda':* & 'harris':*`) GIN answered it with a prefix scan that
 *   gathers every lead of each word into a bitmap (~20,000 for a common first name):
 *   tens of milliseconds on a busy machine. An index of every word start of the name
 *   (`lead_name_prefixes`) answers the same question with exact keys.
 * - A one-word search first looks among the newest live leads: IDX_lead_live_recent
 *   holds their name and address, so that window is read from the index alone instead
 *   of from thousands of table pages.
 */
export class LeadDeskNameSearch1795730000000 implements MigrationInterface {
  name = 'LeadDeskNameSearch1795730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The name's words as to_tsvector('simple') splits them (so exactly as the search
    // did before), each with all its starts: "Mary-Jane O'Neil" → m, ma, …, mary-jane,
    // j, ja, …, o, n, …, neil. PL/pgSQL: a SQL function here is planned on every call
    // (~15× slower when the index is written).
    await queryRunner.query(`CREATE FUNCTION lead_name_prefixes(name text) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        word text;
        starts text[] := '{}';
      BEGIN
        FOREACH word IN ARRAY tsvector_to_array(to_tsvector('simple'::regconfig, name)) LOOP
          FOR n IN 1..char_length(word) LOOP
            starts := starts || left(word, n);
          END LOOP;
        END LOOP;
        RETURN starts;
      END $$`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_name_prefixes" ON "lead" USING gin (lead_name_prefixes("name"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_name_words"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_live_recent" ON "lead" ("created_at", "id") INCLUDE ("name", "email_normalized") WHERE merged_into_lead_id IS NULL AND erased_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_live_recent"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_name_words" ON "lead" USING gin (to_tsvector('simple'::regconfig, "name"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_name_prefixes"`);
    await queryRunner.query(`DROP FUNCTION lead_name_prefixes(text)`);
  }
}
