import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is now claimed inside the request's own transaction, so a stored record is
 * always a finished answer. Claims left "in flight" by a process that died are removed: their
 * requests never completed and a retry must be able to run.
 */
export class IdempotencyClaimInTransaction1795447000000 implements MigrationInterface {
  name = 'IdempotencyClaimInTransaction1795447000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "idempotency_record" WHERE "state" <> 'done'`);
    await queryRunner.query(`ALTER TABLE "idempotency_record" DROP COLUMN "state"`);
    await queryRunner.query(`ALTER TABLE "idempotency_record" ALTER COLUMN "response_status" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "idempotency_record" ALTER COLUMN "response_body" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_record" ALTER COLUMN "response_body" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "idempotency_record" ALTER COLUMN "response_status" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "idempotency_record" ADD "state" text NOT NULL DEFAULT 'done'`);
  }
}
