import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose changes can end or change what a cached credential stands for, and the columns that matter. */
const CREDENTIALS: Array<[table: string, columns: string[]]> = [
  ['api_token', ['revoked_at', 'staff_id', 'token_hash']],
  ['staff_user', ['active', 'role', 'name', 'email']],
  ['consumer_api_key', ['revoked_at', 'consumer_id', 'key_hash']],
  ['consumer', ['status', 'name', 'org_number']],
];

/** Tables read on every report whose rows change rarely: any write to them empties the caches. */
const READ_MOSTLY: Array<[table: string, channel: string]> = [
  ['catalogue_version', 'catalogue_changed'],
  ['catalogue_service', 'catalogue_changed'],
  ['operational_message', 'operational_messages_changed'],
];

/**
 * Every process caches resolved credentials, the catalogue in force and the active operational
 * messages for a short while; a revocation, a deactivated user, a suspended consumer, a
 * published catalogue or a new operational message must still take effect at once on every
 * replica. The database says so itself on commit (NOTIFY, the channel named by the trigger's
 * argument), whichever code path or tool made the change. Inserts of credentials need no
 * notice (nothing unknown is cached), and writes of last_used_at are not watched, or every touch
 * would empty every cache.
 */
export class CacheNotifications1795462000000 implements MigrationInterface {
  name = 'CacheNotifications1795462000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "notify_cache_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
         RETURN NULL;
       END $$`,
    );
    for (const [table, columns] of CREDENTIALS) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_cache_change" AFTER UPDATE OF ${columns.map((c) => `"${c}"`).join(', ')} OR DELETE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "notify_cache_change"('credentials_changed')`,
      );
    }
    for (const [table, channel] of READ_MOSTLY) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_cache_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "notify_cache_change"('${channel}')`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of [...CREDENTIALS, ...READ_MOSTLY]) await queryRunner.query(`DROP TRIGGER "${table}_cache_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_cache_change"()`);
  }
}
