import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A certain attach no longer updates its incident when it commits. Every report of an outage
 * updated the same row at commit, and a row lock taken at commit is held until the commit's WAL
 * is flushed: on a busy machine the holder sleeps in that flush and waits for a core while the
 * rest of the outage queues behind it. (A 1,200-report burst ran 360 reports/s with the update,
 * 664/s with it switched off.)
 *
 * The report is committed with its pending attachment (what it adds to the incident's profile),
 * and then folded: `fold_incident_attachments` applies every pending attachment of the incident
 * (counts, profile, services, error codes, last seen) in one update and deletes them. The fold is
 * derived from committed reports and deletes what it applied in the same transaction, so it
 * commits without waiting for the flush: were that commit lost in a crash, its attachments would
 * be back, pending, to fold again. Intake folds after its commit, one fold at a time per incident
 * and process, each taking every report committed before it (AttachmentFolder); the worker folds
 * what a stopped process left.
 *
 * Kept counts exclude reports still pending (the fold counts them), so the count trigger and the
 * recount skip them.
 */
export class IncidentAttachmentsFoldedAfterCommit1795472000000 implements MigrationInterface {
  name = 'IncidentAttachmentsFoldedAfterCommit1795472000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Empty outside open transactions: nothing to carry over.
    await queryRunner.query(`DROP TABLE "incident_pending_attachment"`);
    await queryRunner.query(`DROP FUNCTION apply_incident_attachment()`);
    await queryRunner.query(`
      CREATE TABLE "incident_pending_attachment" (
        "report_id" uuid NOT NULL,
        "contribution" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "incident_pending_attachment_pkey" PRIMARY KEY ("report_id"),
        CONSTRAINT "incident_pending_attachment_report_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE AGGREGATE jsonb_sum_counts(jsonb) (SFUNC = jsonb_add_counts, STYPE = jsonb)`);
    await queryRunner.query(`
      CREATE FUNCTION fold_incident_attachments(target uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE folded integer := 0;
      BEGIN
        -- Another process's fold may have taken them: then the row need not be locked at all.
        IF NOT EXISTS (SELECT 1 FROM incident_pending_attachment p JOIN report r ON r.id = p.report_id WHERE r.incident_id = target) THEN
          RETURN 0;
        END IF;
        PERFORM set_config('synchronous_commit', 'off', true);
        PERFORM 1 FROM incident WHERE id = target FOR UPDATE;
        -- One snapshot: the deleted attachments still look pending to the consumer check, so a
        -- consumer is new when none of its counted (not pending) reports is in the incident.
        WITH gone AS (
               DELETE FROM incident_pending_attachment p USING report r
               WHERE p.report_id = r.id AND r.incident_id = target
               RETURNING r.consumer_id, r.service, r.error_code, r.received_at, p.contribution),
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
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION count_new_incident_report(target uuid, reporter uuid, added uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM incident WHERE id = target FOR UPDATE;
        UPDATE incident SET
          report_count = report_count + 1,
          consumer_count = consumer_count
            + CASE WHEN EXISTS (SELECT 1 FROM report r WHERE r.incident_id = target AND r.consumer_id = reporter AND r.id <> added
                                  AND NOT EXISTS (SELECT 1 FROM incident_pending_attachment p WHERE p.report_id = r.id))
                   THEN 0 ELSE 1 END
        WHERE id = target;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION count_incident_reports(incident_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM incident WHERE id = ANY(incident_ids) ORDER BY id FOR UPDATE;
        UPDATE incident i SET report_count = c.reports, consumer_count = c.consumers
          FROM (SELECT x.id, count(r.id)::int AS reports, count(DISTINCT r.consumer_id)::int AS consumers
                FROM unnest(incident_ids) AS x(id)
                LEFT JOIN report r ON r.incident_id = x.id
                  AND NOT EXISTS (SELECT 1 FROM incident_pending_attachment p WHERE p.report_id = r.id)
                GROUP BY x.id) c
          WHERE i.id = c.id AND (i.report_count, i.consumer_count) IS DISTINCT FROM (c.reports, c.consumers);
      END $$`);
    // A report with a pending attachment is counted when it is folded, without the row lock at commit.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION report_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        CASE TG_OP
          WHEN 'INSERT' THEN
            IF NOT EXISTS (SELECT 1 FROM incident_pending_attachment p WHERE p.report_id = NEW.id) THEN
              PERFORM count_new_incident_report(NEW.incident_id, NEW.consumer_id, NEW.id);
            END IF;
          WHEN 'DELETE' THEN PERFORM count_incident_reports(ARRAY[OLD.incident_id]);
          ELSE PERFORM count_incident_reports(ARRAY[OLD.incident_id, NEW.incident_id]);
        END CASE;
        RETURN NULL;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Fold what is pending, so that the counts and profiles are whole before the old way returns.
    await queryRunner.query(`
      SELECT fold_incident_attachments(x.incident_id)
      FROM (SELECT DISTINCT r.incident_id FROM incident_pending_attachment p JOIN report r ON r.id = p.report_id) x`);
    // The fold commits without waiting for the flush; the migration's own transaction must not.
    await queryRunner.query(`SET LOCAL synchronous_commit = on`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION report_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        CASE TG_OP
          WHEN 'INSERT' THEN PERFORM count_new_incident_report(NEW.incident_id, NEW.consumer_id, NEW.id);
          WHEN 'DELETE' THEN PERFORM count_incident_reports(ARRAY[OLD.incident_id]);
          ELSE PERFORM count_incident_reports(ARRAY[OLD.incident_id, NEW.incident_id]);
        END CASE;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION count_incident_reports(incident_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM incident WHERE id = ANY(incident_ids) ORDER BY id FOR UPDATE;
        UPDATE incident i SET report_count = c.reports, consumer_count = c.consumers
          FROM (SELECT x.id, count(r.id)::int AS reports, count(DISTINCT r.consumer_id)::int AS consumers
                FROM unnest(incident_ids) AS x(id) LEFT JOIN report r ON r.incident_id = x.id GROUP BY x.id) c
          WHERE i.id = c.id AND (i.report_count, i.consumer_count) IS DISTINCT FROM (c.reports, c.consumers);
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION count_new_incident_report(target uuid, reporter uuid, added uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM incident WHERE id = target FOR UPDATE;
        UPDATE incident SET
          report_count = report_count + 1,
          consumer_count = consumer_count
            + CASE WHEN EXISTS (SELECT 1 FROM report r WHERE r.incident_id = target AND r.consumer_id = reporter AND r.id <> added)
                   THEN 0 ELSE 1 END
        WHERE id = target;
      END $$`);
    await queryRunner.query(`DROP FUNCTION fold_incident_attachments(uuid)`);
    await queryRunner.query(`DROP AGGREGATE jsonb_sum_counts(jsonb)`);
    await queryRunner.query(`DROP TABLE "incident_pending_attachment"`);
    await queryRunner.query(`
      CREATE TABLE "incident_pending_attachment" (
        "id" BIGSERIAL NOT NULL,
        "incident_id" uuid NOT NULL,
        "service" text NOT NULL,
        "error_code" text,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "contribution" jsonb NOT NULL,
        CONSTRAINT "incident_pending_attachment_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`
      CREATE FUNCTION apply_incident_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM attach_report_to_incident(NEW.incident_id, NEW.service, NEW.error_code, NEW.received_at, NEW.contribution);
        DELETE FROM incident_pending_attachment WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER incident_pending_attachment_at_commit AFTER INSERT ON incident_pending_attachment
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION apply_incident_attachment()`);
  }
}
