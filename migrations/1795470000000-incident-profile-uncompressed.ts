import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident's grouping profile is stored out of line but uncompressed. Every report of an
 * outage rewrites it at commit and every report reads it with its candidates; compressed, each
 * rewrite decompressed and compressed it again (a 350-key profile: about 3 kB compressed, 10 kB
 * plain, and 0.40 → 0.31 ms per update in psql). A few kilobytes more per incident is cheap.
 * Profiles stored before are uncompressed as they are next written.
 */
export class IncidentProfileUncompressed1795470000000 implements MigrationInterface {
  name = 'IncidentProfileUncompressed1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ALTER COLUMN "profile" SET STORAGE EXTERNAL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ALTER COLUMN "profile" SET STORAGE EXTENDED`);
  }
}
