import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether staff titled an incident (a triage that set its title) is asked on every report's
 * receipt, for each open incident on the service. The incident's events were read one by one to
 * find such a triage, and an outage's incident has an event for every report: a partial index of
 * just those triages answers at once. (1,000 events on an incident: 0.59 ms → 0.001 ms in psql.)
 */
export class IncidentTitledByStaffIndex1795471000000 implements MigrationInterface {
  name = 'IncidentTitledByStaffIndex1795471000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "incident_event_titled_idx" ON "incident_event" ("incident_id") WHERE kind = 'triaged' AND details ? 'title'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."incident_event_titled_idx"`);
  }
}
