import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications to staff: one row per recipient, unread until read_at is set. */
export class Notifications1795456100000 implements MigrationInterface {
  name = 'Notifications1795456100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "recipient_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "reference" text,
      "title" text NOT NULL,
      "link" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
    )`);
    await queryRunner.query(`CREATE INDEX "notification_recipient_idx" ON "notification" ("recipient_id", "created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
