import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links that create the first admin of a new installation (only their hash is kept). */
export class SetupToken1795446520000 implements MigrationInterface {
  name = 'SetupToken1795446520000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "setup_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_setup_token" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "setup_token_hash_key" ON "setup_token" ("token_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "setup_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "setup_token"`);
  }
}
