import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each running worker writes a row here every 15 seconds and removes it as it stops, so the API
 * can tell monitoring and staff when no worker runs (`GET /health/worker`, the mail page):
 * without one, reports are still taken but no e-mail leaves. A few rows; no index beyond the key.
 */
export class WorkerHeartbeat1795478000000 implements MigrationInterface {
  name = 'WorkerHeartbeat1795478000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "worker_heartbeat" ("worker_id" text NOT NULL, "host" text NOT NULL, "pid" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_57142a5b912c5001ff15f617a54" PRIMARY KEY ("worker_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "worker_heartbeat"`);
  }
}
