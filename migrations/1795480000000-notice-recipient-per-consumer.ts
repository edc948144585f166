import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice keeps a recipient row per consumer and address, so a contact shared by several
 * consumers is asked for, and tracked for, each of them. Their one e-mail shares one link, so
 * the token hash is no longer unique. Going down fails while such shared rows exist.
 */
export class NoticeRecipientPerConsumer1795480000000 implements MigrationInterface {
  name = 'NoticeRecipientPerConsumer1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_notice_email_key"`);
    await queryRunner.query(`CREATE INDEX "notice_recipient_token_hash_idx" ON "notice_recipient" ("token_hash") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notice_recipient_notice_consumer_email_key" ON "notice_recipient" ("notice_id", "consumer_id", "email") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_notice_consumer_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_token_hash_idx"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notice_recipient_notice_email_key" ON "notice_recipient" USING btree ("notice_id", "email") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_recipient_token_hash_key" ON "notice_recipient" USING btree ("token_hash") `);
  }
}
