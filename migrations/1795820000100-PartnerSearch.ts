import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead list's `q` also finds a couple's second partner (docs/api.md#search-of-the-second-partner):
 * by the invited partner's name and address, and by the name, address and phone they
 * answered with. Indexed as the first partner's columns are (LeadTriageSearch,
 * LeadDeskNameSearch): trigrams for substrings, word starts for names of several words,
 * so a search reads the few partner rows that match and never every lead.
 */
export class PartnerSearch1795820000100 implements MigrationInterface {
  name = 'PartnerSearch1795820000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_invitation_name_trgm" ON "partner_invitation" USING gin ("partner_name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_invitation_name_prefixes" ON "partner_invitation" USING gin (lead_name_prefixes("partner_name"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_invitation_email_trgm" ON "partner_invitation" USING gin (lower("partner_email") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_response_name_trgm" ON "partner_response" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_response_name_prefixes" ON "partner_response" USING gin (lead_name_prefixes("name"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_response_email_trgm" ON "partner_response" USING gin (lower("email") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_response_phone_trgm" ON "partner_response" USING gin ("phone" gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'IDX_partner_response_phone_trgm',
      'IDX_partner_response_email_trgm',
      'IDX_partner_response_name_prefixes',
      'IDX_partner_response_name_trgm',
      'IDX_partner_invitation_email_trgm',
      'IDX_partner_invitation_name_prefixes',
      'IDX_partner_invitation_name_trgm',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
  }
}
