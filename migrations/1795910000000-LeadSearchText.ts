import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead desk's one-word search window at a million leads (BENCHMARKS.md, bench:admin):
 * matching `name ILIKE` and `email_normalized LIKE` over the window's rows cost about 0.6 µs
 * a row, most of it PostgreSQL lower-casing each name (and the pattern) again for every row.
 * `search_text` holds the name lower-cased and the address, a space between them, written
 * by a trigger whenever either changes, so the window matches one `LIKE` on text lower-cased
 * once (about 0.1 µs a row). A one-word pattern holds no space, so it cannot match across
 * the two. IDX_lead_live_recent now carries it instead of the name and address, so the
 * window is still read from the index alone.
 *
 * A trigger, not a generated column: TypeORM describes generated columns through a
 * metadata table of its own that names the database, which a restored or copied database
 * would not match.
 */
export class LeadSearchText1795910000000 implements MigrationInterface {
  name = 'LeadSearchText1795910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead" ADD "search_text" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`CREATE FUNCTION lead_search_text() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_text := lower(NEW.name) || ' ' || NEW.email_normalized;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_lead_search_text" BEFORE INSERT OR UPDATE OF "name", "email_normalized", "search_text"
         ON "lead" FOR EACH ROW EXECUTE FUNCTION lead_search_text()`,
    );
    // Any write to the column fires the trigger, which writes it from the name and address.
    await queryRunner.query(`UPDATE "lead" SET "search_text" = ''`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_live_recent"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_live_recent" ON "lead" ("created_at", "id") INCLUDE ("search_text") WHERE merged_into_lead_id IS NULL AND erased_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_live_recent"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_live_recent" ON "lead" ("created_at", "id") INCLUDE ("name", "email_normalized") WHERE merged_into_lead_id IS NULL AND erased_at IS NULL`,
    );
    await queryRunner.query(`DROP TRIGGER "TRG_lead_search_text" ON "lead"`);
    await queryRunner.query(`DROP FUNCTION lead_search_text()`);
    await queryRunner.query(`ALTER TABLE "lead" DROP COLUMN "search_text"`);
  }
}
