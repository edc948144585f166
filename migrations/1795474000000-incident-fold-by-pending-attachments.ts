import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fold as `migrations/1795472000000-incident-attachments-folded-after-commit.ts` defined it,
 * but for how it finds the incident's pending attachments: `anyPending` tells whether there are
 * any, and `gone` deletes them, returning each one's report's consumer, service, error code and
 * time of receipt with its contribution.
 */
const foldFunction = (anyPending: string, gone: string) => `
      CREATE OR REPLACE FUNCTION fold_incident_attachments(target uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE folded integer := 0;
      BEGIN
        -- Another process's fold may have taken them: then the row need not be locked at all.
        IF NOT ${anyPending} THEN
          RETURN 0;
        END IF;
        PERFORM set_config('synchronous_commit', 'off', true);
        PERFORM 1 FROM incident WHERE id = target FOR UPDATE;
        -- One snapshot: the deleted attachments still look pending to the consumer check, so a
        -- consumer is new when none of its counted (not pending) reports is in the incident.
        WITH ${gone},
             sums AS (
               SELECT count(*)::int AS reports,
                      (SELECT count(DISTINCT g.consumer_id)::int FROM gone g
                        WHERE NOT EXISTS (SELECT 1 FROM report c WHERE c.incident_id = target AND c.consumer_id = g.consumer_id
                                            AND NOT EXISTS (SELECT 1 FROM incident_pending_attachment q WHERE q.report_id = c.id))) AS consumers,
                      jsonb_sum_counts(contribution) AS contribution,
                      array_agg(DISTINCT service) AS services,
                      coalesce(array_agg(DISTINCT error_code) FILTER (WHERE error_code IS NOT NULL), '{}') AS error_codes,
                      max(received_at) AS last_received_at
               FROM gone)
        UPDATE incident i SET
          report_count = i.report_count + s.reports,
          consumer_count = i.consumer_count + s.consumers,
          profile = jsonb_add_counts(i.profile, s.contribution),
          services = i.services || ARRAY(SELECT x FROM unnest(s.services) x WHERE NOT x = ANY(i.services)),
          error_codes = i.error_codes || ARRAY(SELECT x FROM unnest(s.error_codes) x WHERE NOT x = ANY(i.error_codes)),
          last_seen_at = GREATEST(i.last_seen_at, s.last_received_at),
          updated_at = now()
        FROM sums s
        WHERE i.id = target AND s.reports > 0
        RETURNING s.reports INTO folded;
        RETURN coalesce(folded, 0);
      END $$`;

/**
 * What an attach costs no longer grows with the incident it joins. A national outage's incident
 * holds thousands of reports, and three look-ups read every one of them on each report or fold:
 *
 * - the fold found an incident's pending attachments by its reports (`report.incident_id`), then
 *   joined them to the pending table, twice (whether any are pending, and to delete them);
 * - the fold's and the count trigger's "is this municipality new to the incident", and intake's
 *   "what has this municipality called it before", filtered the incident's reports by consumer.
 *
 * With 5,000 reports in the incident a fold of 12 attachments took 27–37 ms in psql on a new
 * connection and about 4 ms on one that had run it before; now 14 and 2 ms. The fold
 * starts from the pending attachments, which are few in the whole database (they are folded right
 * after their commit): a scalar subquery per attachment reads its report's incident by primary
 * key, as PostgreSQL does not turn a scalar subquery into a join over the incident's reports. An
 * index on (incident, consumer) answers the per-municipality questions directly.
 *
 * The index is built without CONCURRENTLY (migrations run in a transaction); on a million reports
 * it takes seconds, during which intake waits.
 */
export class IncidentFoldByPendingAttachments1795474000000 implements MigrationInterface {
  name = 'IncidentFoldByPendingAttachments1795474000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "report_incident_consumer_received_idx" ON "report" ("incident_id", "consumer_id", "received_at")`,
    );
    await queryRunner.query(
      foldFunction(
        `EXISTS (SELECT 1 FROM incident_pending_attachment p
                 WHERE (SELECT r.incident_id FROM report r WHERE r.id = p.report_id) = target)`,
        // OFFSET 0 keeps each attachment's report read once, by its primary key.
        `mine AS MATERIALIZED (
               SELECT a.report_id, (a.r).consumer_id, (a.r).service, (a.r).error_code, (a.r).received_at
               FROM (SELECT p.report_id, (SELECT r FROM report r WHERE r.id = p.report_id) AS r
                     FROM incident_pending_attachment p OFFSET 0) a
               WHERE (a.r).incident_id = target),
             gone AS (
               DELETE FROM incident_pending_attachment p USING mine m
               WHERE p.report_id = m.report_id
               RETURNING m.consumer_id, m.service, m.error_code, m.received_at, p.contribution)`,
      ),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      foldFunction(
        `EXISTS (SELECT 1 FROM incident_pending_attachment p JOIN report r ON r.id = p.report_id WHERE r.incident_id = target)`,
        `gone AS (
               DELETE FROM incident_pending_attachment p USING report r
               WHERE p.report_id = r.id AND r.incident_id = target
               RETURNING r.consumer_id, r.service, r.error_code, r.received_at, p.contribution)`,
      ),
    );
    await queryRunner.query(`DROP INDEX "public"."report_incident_consumer_received_idx"`);
  }
}
