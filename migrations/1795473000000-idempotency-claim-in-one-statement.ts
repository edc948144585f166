import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report under an Idempotency-Key claims its key in one statement. The claim set a lock
 * timeout, inserted the key (waiting on a request that holds the same key uncommitted), set the
 * timeout back and, when the key was answered already, read the answer: four round trips in the
 * request's transaction, which holds a pooled connection throughout. `claim_idempotency_key` does
 * the same in one: it waits at most `wait` for a holder, and tells what it found.
 */
export class IdempotencyClaimInOneStatement1795473000000 implements MigrationInterface {
  name = 'IdempotencyClaimInOneStatement1795473000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE ${claimFunction}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION claim_idempotency_key(uuid, text, text, text)`);
  }
}

/** The function as this migration defines it (the next version's down restores it). */
export const claimFunction = `FUNCTION claim_idempotency_key(consumer uuid, idempotency_key text, hash text, wait text)
      RETURNS TABLE (outcome text, stored_hash text, stored_status integer, stored_body jsonb)
      LANGUAGE plpgsql AS $$
      DECLARE
        previous text := current_setting('lock_timeout');
        claimed integer;
      BEGIN
        PERFORM set_config('lock_timeout', wait, true);
        BEGIN
          INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body)
            VALUES (consumer, idempotency_key, hash, 0, 'null') ON CONFLICT (consumer_id, key) DO NOTHING;
          GET DIAGNOSTICS claimed = ROW_COUNT;
        EXCEPTION WHEN lock_not_available THEN
          PERFORM set_config('lock_timeout', previous, true);
          RETURN QUERY SELECT 'busy'::text, NULL::text, NULL::integer, NULL::jsonb;
          RETURN;
        END;
        PERFORM set_config('lock_timeout', previous, true);
        IF claimed = 1 THEN
          RETURN QUERY SELECT 'claimed'::text, NULL::text, NULL::integer, NULL::jsonb;
        ELSE
          RETURN QUERY SELECT 'answered'::text, r.request_hash, r.response_status, r.response_body
            FROM idempotency_record r WHERE r.consumer_id = consumer AND r.key = idempotency_key;
        END IF;
      END $$`;
