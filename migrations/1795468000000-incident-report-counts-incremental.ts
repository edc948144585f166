import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new report adds itself to its incident's kept counts instead of the incident's reports being
 * counted again. The recount read every report of the incident at each commit, under the lock on
 * the incident's row that every report of one outage waits for, so a burst of n reports cost n²
 * index entries. Now a new report adds one report and, when it is its consumer's first in the
 * incident, one consumer. As before, the row is locked first and the check is a statement of its
 * own, so it sees every report committed by whoever counted before. Moves and deletions still
 * recount (they are rare, and a recount after an insert in the same transaction corrects it).
 */
export class IncidentReportCountsIncremental1795468000000 implements MigrationInterface {
  name = 'IncidentReportCountsIncremental1795468000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION count_new_incident_report(target uuid, reporter uuid, added uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM incident WHERE id = target FOR UPDATE;
        UPDATE incident SET
          report_count = report_count + 1,
          consumer_count = consumer_count
            + CASE WHEN EXISTS (SELECT 1 FROM report r WHERE r.incident_id = target AND r.consumer_id = reporter AND r.id <> added)
                   THEN 0 ELSE 1 END
        WHERE id = target;
      END $$`);
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION report_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        CASE TG_OP
          WHEN 'INSERT' THEN PERFORM count_incident_reports(ARRAY[NEW.incident_id]);
          WHEN 'DELETE' THEN PERFORM count_incident_reports(ARRAY[OLD.incident_id]);
          ELSE PERFORM count_incident_reports(ARRAY[OLD.incident_id, NEW.incident_id]);
        END CASE;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP FUNCTION count_new_incident_report(uuid, uuid, uuid)`);
  }
}
