import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search of several words (a full name) looks the words up as word starts in a GIN
 * index of the name's words: at a million leads the trigram index alone took ~9 ms for
 * a full name whose trigrams many names share (BENCHMARKS.md, bench:admin).
 */
export class NameWordSearch1795611716011 implements MigrationInterface {
  name = 'NameWordSearch1795611716011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_name_words" ON "lead" USING gin (to_tsvector('simple'::regconfig, "name"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_name_words"`);
  }
}
