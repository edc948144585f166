import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each incident keeps the number of its reports and of the distinct consumers that sent them, so
 * the queue ranks and shows incidents without counting every listed incident's reports (10,000
 * look-ups for the unfiltered queue over 100 k stored reports).
 *
 * A trigger on `report` keeps the counts exact whatever changes a report's incident (intake,
 * moves, merges, splits, re-clustering, deletion), so no use case has to remember them. It is
 * deferred to commit: intake then locks the incident's row only at the end of its transaction, as
 * it already does for the grouping profile, instead of from its first insert. At commit it locks
 * the incident's row first and only then counts, in a statement of its own: under READ COMMITTED
 * that statement sees every transaction that counted the same incident before it, so two
 * concurrent writers cannot both miss each other's reports. A transaction that moves reports
 * between two incidents locks them in id order, so two such moves cannot deadlock.
 */
export class IncidentReportCounts1795466000000 implements MigrationInterface {
  name = 'IncidentReportCounts1795466000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident" ADD "report_count" integer NOT NULL DEFAULT 0, ADD "consumer_count" integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`
      CREATE FUNCTION count_incident_reports(incident_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM incident WHERE id = ANY(incident_ids) ORDER BY id FOR UPDATE;
        UPDATE incident i SET report_count = c.reports, consumer_count = c.consumers
          FROM (SELECT x.id, count(r.id)::int AS reports, count(DISTINCT r.consumer_id)::int AS consumers
                FROM unnest(incident_ids) AS x(id) LEFT JOIN report r ON r.incident_id = x.id GROUP BY x.id) c
          WHERE i.id = c.id AND (i.report_count, i.consumer_count) IS DISTINCT FROM (c.reports, c.consumers);
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION report_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        CASE TG_OP
          WHEN 'INSERT' THEN PERFORM count_incident_reports(ARRAY[NEW.incident_id]);
          WHEN 'DELETE' THEN PERFORM count_incident_reports(ARRAY[OLD.incident_id]);
          ELSE PERFORM count_incident_reports(ARRAY[OLD.incident_id, NEW.incident_id]);
        END CASE;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER report_counts_on_insert_or_delete AFTER INSERT OR DELETE ON report
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_counts_changed()`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER report_counts_on_move AFTER UPDATE OF incident_id, consumer_id ON report
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (OLD.incident_id IS DISTINCT FROM NEW.incident_id OR OLD.consumer_id IS DISTINCT FROM NEW.consumer_id)
        EXECUTE FUNCTION report_counts_changed()`);
    await queryRunner.query(`
      UPDATE incident i SET report_count = c.reports, consumer_count = c.consumers
        FROM (SELECT incident_id, count(*)::int AS reports, count(DISTINCT consumer_id)::int AS consumers
              FROM report GROUP BY incident_id) c
        WHERE i.id = c.incident_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "report_counts_on_move" ON "report"`);
    await queryRunner.query(`DROP TRIGGER "report_counts_on_insert_or_delete" ON "report"`);
    await queryRunner.query(`DROP FUNCTION report_counts_changed()`);
    await queryRunner.query(`DROP FUNCTION count_incident_reports(uuid[])`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "consumer_count", DROP COLUMN "report_count"`);
  }
}
