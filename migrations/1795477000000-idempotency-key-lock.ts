import { MigrationInterface, QueryRunner } from 'typeorm';

import { claimFunctionAfterPurge } from './1795476000000-idempotency-claim-after-purge';

/**
 * A report under an Idempotency-Key whose match is certain stores its key with the report, in the
 * statement that stores the report (shared with concurrent reports), instead of holding a claim
 * through a transaction of its own. That statement must never wait on a key another request holds
 * uncommitted: every writer of a key first takes the key's advisory lock
 * (`idempotency_key_lock`) for its transaction. The claim waits for the lock as it waited for the
 * row (at most `wait`); the statement only tries it, and stores nothing for a key whose lock is
 * held, so that request takes the claim's way instead.
 */
export class IdempotencyKeyLock1795477000000 implements MigrationInterface {
  name = 'IdempotencyKeyLock1795477000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION idempotency_key_lock(consumer uuid, idempotency_key text) RETURNS bigint
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT hashtextextended('idempotency:' || consumer || ':' || idempotency_key, 0) $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION claim_idempotency_key(consumer uuid, idempotency_key text, hash text, wait text)
      RETURNS TABLE (outcome text, stored_hash text, stored_status integer, stored_body jsonb)
      LANGUAGE plpgsql AS $$
      DECLARE
        previous text := current_setting('lock_timeout');
        claimed integer;
      BEGIN
        PERFORM set_config('lock_timeout', wait, true);
        LOOP
          BEGIN
            PERFORM pg_advisory_xact_lock(idempotency_key_lock(consumer, idempotency_key));
            INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body)
              VALUES (consumer, idempotency_key, hash, 0, 'null') ON CONFLICT (consumer_id, key) DO NOTHING;
            GET DIAGNOSTICS claimed = ROW_COUNT;
          EXCEPTION WHEN lock_not_available THEN
            outcome := 'busy';
            EXIT;
          END;
          IF claimed = 1 THEN
            outcome := 'claimed';
            EXIT;
          END IF;
          SELECT 'answered', r.request_hash, r.response_status, r.response_body INTO outcome, stored_hash, stored_status, stored_body
            FROM idempotency_record r WHERE r.consumer_id = consumer AND r.key = idempotency_key;
          -- Not found: purged since the insert met it, so the key is free again.
          EXIT WHEN FOUND;
        END LOOP;
        PERFORM set_config('lock_timeout', previous, true);
        RETURN NEXT;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE ${claimFunctionAfterPurge}`);
    await queryRunner.query(`DROP FUNCTION idempotency_key_lock(uuid, text)`);
  }
}
