import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the mail server last took a message tells whether delivery makes progress while messages
 * are retried (`GET /health/worker`): read from the end of an index on `sent_at` rather than by
 * reading every message ever sent.
 */
export class OutboxSentAtIndex1795479000000 implements MigrationInterface {
  name = 'OutboxSentAtIndex1795479000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "outbox_message_sent_at_idx" ON "outbox_message" ("sent_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_message_sent_at_idx"`);
  }
}
