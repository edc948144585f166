import { MigrationInterface, QueryRunner } from 'typeorm';

/** Domain events: reactions across contexts, written in the transaction of the change and handled once by the worker. */
export class DomainEvents1795447600000 implements MigrationInterface {
  name = 'DomainEvents1795447600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "domain_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_at" TIMESTAMP WITH TIME ZONE, "claimed_by" text, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "domain_event_status_check" CHECK ("status" IN ('pending', 'processing', 'done', 'failed')), CONSTRAINT "PK_f901502d0301da69fb8cebbb8f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "domain_event_due_idx" ON "domain_event"  ("status", "next_attempt_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."domain_event_due_idx"`);
    await queryRunner.query(`DROP TABLE "domain_event"`);
  }
}
