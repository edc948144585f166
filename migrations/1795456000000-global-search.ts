import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff search box matches Norwegian full text (Snowball 'norwegian' stems bokmål and most
 * nynorsk endings) on incidents, reports and change requests, and titles by trigram word
 * similarity. Expression indexes serve exactly the expressions the repositories query; the
 * entities name them with `synchronize: false`.
 */
export class GlobalSearch1795456000000 implements MigrationInterface {
  name = 'GlobalSearch1795456000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "incident_title_fts_idx" ON "incident" USING gin (to_tsvector('norwegian', "title"))`);
    await queryRunner.query(
      `CREATE INDEX "report_text_fts_idx" ON "report" USING gin (to_tsvector('norwegian', "title" || ' ' || "description"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "change_request_text_fts_idx" ON "change_request" USING gin (to_tsvector('norwegian', "title" || ' ' || "description"))`,
    );
    await queryRunner.query(`CREATE INDEX "change_request_title_trgm_idx" ON "change_request" USING gin ("title" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['change_request_title_trgm_idx', 'change_request_text_fts_idx', 'report_text_fts_idx', 'incident_title_fts_idx'])
      await queryRunner.query(`DROP INDEX "${index}"`);
  }
}
