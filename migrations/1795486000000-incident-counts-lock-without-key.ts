import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report is stored only while its incident is open and not merged: the statement that stores it
 * locks the incident FOR KEY SHARE (ReportRepository, `OPEN_INCIDENTS`), so a merge or a
 * resolution, which lock it FOR UPDATE, waits for the report and then moves or closes it with the
 * rest. The fold and the count functions lock the incident only to serialise their own updates of
 * its counts and profile; FOR NO KEY UPDATE does that without making every report of an outage
 * wait for the fold before it.
 *
 * The three functions are rewritten as they are, with that one lock changed.
 */
const FUNCTIONS = ['fold_incident_attachments(uuid)', 'count_new_incident_report(uuid, uuid, uuid)', 'count_incident_reports(uuid[])'];

const relock = (from: string, to: string) => `
  DO $$
  DECLARE
    fn text;
    def text;
  BEGIN
    FOREACH fn IN ARRAY ARRAY[${FUNCTIONS.map((f) => `'${f}'`).join(', ')}] LOOP
      def := pg_get_functiondef(fn::regprocedure);
      IF position('FROM incident WHERE ' IN def) = 0 OR position('${from};' IN def) = 0 THEN
        RAISE EXCEPTION 'function % does not lock the incident % as expected', fn, '${from}';
      END IF;
      EXECUTE replace(def, '${from};', '${to};');
    END LOOP;
  END $$`;

export class IncidentCountsLockWithoutKey1795486000000 implements MigrationInterface {
  name = 'IncidentCountsLockWithoutKey1795486000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(relock('FOR UPDATE', 'FOR NO KEY UPDATE'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(relock('FOR NO KEY UPDATE', 'FOR UPDATE'));
  }
}
