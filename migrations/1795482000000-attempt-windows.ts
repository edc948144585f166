import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins and refused credentials counted per client address, by every replica together:
 * counted in each process's memory, n replicas let a guesser n times the limit. One row per
 * scope and keyed hash of the address, rewritten by each attempt; the worker forgets ended
 * windows (by `started_at`) every few minutes.
 */
export class AttemptWindows1795482000000 implements MigrationInterface {
  name = 'AttemptWindows1795482000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attempt_window" ("scope" text NOT NULL, "key_hash" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8b0ab2b32fff087b61e785a5fb6" PRIMARY KEY ("scope", "key_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d95cfb3d7fbb8770cd28f3f86e" ON "attempt_window" ("started_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_d95cfb3d7fbb8770cd28f3f86e"`);
    await queryRunner.query(`DROP TABLE "attempt_window"`);
  }
}
