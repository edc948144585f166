import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every report's confirmation goes to its consumer's contacts, which each process keeps in
 * memory; a contact added, changed or removed (also with its consumer) must be written to from
 * the next message on, on every replica. The database says so on commit, like the caches of the
 * cache-notifications migration (same trigger function).
 */
export class ContactNotifications1795464000000 implements MigrationInterface {
  name = 'ContactNotifications1795464000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TRIGGER "consumer_contact_cache_change" AFTER INSERT OR UPDATE OR DELETE ON "consumer_contact"
       FOR EACH STATEMENT EXECUTE FUNCTION "notify_cache_change"('consumer_contacts_changed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "consumer_contact_cache_change" ON "consumer_contact"`);
  }
}
