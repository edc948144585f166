import { MigrationInterface, QueryRunner } from 'typeorm';

import { claimFunction } from './1795473000000-idempotency-claim-in-one-statement';

/**
 * A claim whose insert meets a stored answer reads that answer next. The daily purge of old keys
 * can delete it in between: the read then found nothing, and the request failed with an internal
 * error. The key is free at that point, so the claim now tries its insert again.
 */
export class IdempotencyClaimAfterPurge1795476000000 implements MigrationInterface {
  name = 'IdempotencyClaimAfterPurge1795476000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE ${claimFunctionAfterPurge}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE ${claimFunction}`);
  }
}

/** The function as this migration defines it (the next version's down restores it). */
export const claimFunctionAfterPurge = `FUNCTION claim_idempotency_key(consumer uuid, idempotency_key text, hash text, wait text)
      RETURNS TABLE (outcome text, stored_hash text, stored_status integer, stored_body jsonb)
      LANGUAGE plpgsql AS $$
      DECLARE
        previous text := current_setting('lock_timeout');
        claimed integer;
      BEGIN
        PERFORM set_config('lock_timeout', wait, true);
        LOOP
          BEGIN
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
      END $$`;
