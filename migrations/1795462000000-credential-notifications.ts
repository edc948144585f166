import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose changes can end or change what a cached credential stands for, and the columns that matter. */
const WATCHED: Array<[table: string, columns: string[]]> = [
  ['api_token', ['revoked_at', 'staff_id', 'token_hash']],
  ['staff_user', ['active', 'role', 'name', 'email']],
  ['consumer_api_key', ['revoked_at', 'consumer_id', 'key_hash']],
  ['consumer', ['status', 'name', 'org_number']],
];

/**
 * Every process caches resolved credentials for a short while; a revocation, a deactivated user
 * or a suspended consumer must still take effect at once on every replica. The database says so
 * itself on commit (NOTIFY), whichever code path or tool made the change. Inserts need no
 * notice: nothing unknown is cached. Writes of last_used_at are not watched, or every touch
 * would empty every cache.
 */
export class CredentialNotifications1795462000000 implements MigrationInterface {
  name = 'CredentialNotifications1795462000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "notify_credentials_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('credentials_changed', TG_TABLE_NAME);
         RETURN NULL;
       END $$`,
    );
    for (const [table, columns] of WATCHED) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_credentials_changed" AFTER UPDATE OF ${columns.map((c) => `"${c}"`).join(', ')} OR DELETE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "notify_credentials_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of WATCHED) await queryRunner.query(`DROP TRIGGER "${table}_credentials_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_credentials_changed"()`);
  }
}
