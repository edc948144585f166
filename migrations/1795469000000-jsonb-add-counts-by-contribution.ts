import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * jsonb_add_counts walks the contribution's keys and lays the sums over the profile, as
 * `addCounts` does in the application, instead of taking both maps apart and aggregating every
 * key again. Every attached report runs it on its incident's profile while holding the
 * incident's row at commit, so its cost grew with the profile; the result is the same map.
 */
export class JsonbAddCountsByContribution1795469000000 implements MigrationInterface {
  name = 'JsonbAddCountsByContribution1795469000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION jsonb_add_counts(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(a, '{}'::jsonb)
               || coalesce(jsonb_object_agg(key, coalesce((a ->> key)::numeric, 0) + value::numeric), '{}'::jsonb)
        FROM jsonb_each_text(coalesce(b, '{}'::jsonb))
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION jsonb_add_counts(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
        FROM (SELECT key, sum(value::numeric) AS total
              FROM (SELECT key, value FROM jsonb_each_text(coalesce(a, '{}'::jsonb))
                    UNION ALL
                    SELECT key, value FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) pairs
              GROUP BY key) sums
      $$`);
  }
}
