import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every report is scored against the published knowledge-base articles, which each process
 * keeps in memory; an article published, edited or archived must be suggested (or no longer)
 * at once on every replica. The database says so on commit, like the caches of the
 * cache-notifications migration (same trigger function).
 */
export class KnowledgeNotifications1795463000000 implements MigrationInterface {
  name = 'KnowledgeNotifications1795463000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TRIGGER "knowledge_article_cache_change" AFTER INSERT OR UPDATE OR DELETE ON "knowledge_article"
       FOR EACH STATEMENT EXECUTE FUNCTION "notify_cache_change"('knowledge_changed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "knowledge_article_cache_change" ON "knowledge_article"`);
  }
}
