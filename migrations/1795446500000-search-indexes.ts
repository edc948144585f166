import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff search the queue by what reports say and the registry by contacts: text matched
 * anywhere (ILIKE '%…%') is served by trigram indexes. The entities name these indexes with
 * `synchronize: false`, since TypeORM cannot describe an operator class.
 */
export class SearchIndexes1795446500000 implements MigrationInterface {
  name = 'SearchIndexes1795446500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "report_title_trgm_idx" ON "report" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "report_description_trgm_idx" ON "report" USING gin ("description" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "report_error_code_idx" ON "report" (upper("error_code"))`);
    await queryRunner.query(`CREATE INDEX "incident_title_trgm_idx" ON "incident" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "consumer_name_trgm_idx" ON "consumer" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "consumer_contact_name_trgm_idx" ON "consumer_contact" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "consumer_contact_email_trgm_idx" ON "consumer_contact" USING gin ("email" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'consumer_contact_email_trgm_idx',
      'consumer_contact_name_trgm_idx',
      'consumer_name_trgm_idx',
      'incident_title_trgm_idx',
      'report_error_code_idx',
      'report_description_trgm_idx',
      'report_title_trgm_idx',
    ])
      await queryRunner.query(`DROP INDEX "${index}"`);
  }
}
