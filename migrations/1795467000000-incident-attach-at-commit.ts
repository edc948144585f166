import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report attached with certainty updates its incident (grouping profile, services, error codes,
 * last seen) at commit instead of by a statement of its own. The update locks the incident's
 * row, and every report of one outage updates the same row: locked by a statement, the row stayed
 * locked while the answer went back to the application and the application, busy with the rest
 * of the burst, got round to sending COMMIT. Applied at commit, the lock is held only for the
 * commit itself, as the report counts' trigger already does.
 *
 * Intake records the attachment as a row here; a trigger deferred to commit applies it to the
 * incident and deletes it, so the table is empty outside open transactions.
 */
export class IncidentAttachAtCommit1795467000000 implements MigrationInterface {
  name = 'IncidentAttachAtCommit1795467000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "incident_pending_attachment" (
        "id" BIGSERIAL NOT NULL,
        "incident_id" uuid NOT NULL,
        "service" text NOT NULL,
        "error_code" text,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "contribution" jsonb NOT NULL,
        CONSTRAINT "incident_pending_attachment_pkey" PRIMARY KEY ("id"))`);
    // One definition of what attaching a report does to its incident, for both ways of applying it.
    await queryRunner.query(`
      CREATE FUNCTION attach_report_to_incident(target uuid, report_service text, report_error_code text, report_received_at timestamptz, report_contribution jsonb)
      RETURNS void LANGUAGE sql AS $$
        UPDATE incident SET
          profile = jsonb_add_counts(profile, report_contribution),
          services = CASE WHEN report_service = ANY(services) THEN services ELSE array_append(services, report_service) END,
          error_codes = CASE WHEN report_error_code IS NULL OR report_error_code = ANY(error_codes) THEN error_codes
                             ELSE array_append(error_codes, report_error_code) END,
          last_seen_at = GREATEST(last_seen_at, report_received_at),
          updated_at = now()
        WHERE id = target
      $$`);
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

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "incident_pending_attachment_at_commit" ON "incident_pending_attachment"`);
    await queryRunner.query(`DROP FUNCTION apply_incident_attachment()`);
    await queryRunner.query(`DROP FUNCTION attach_report_to_incident(uuid, text, text, timestamptz, jsonb)`);
    await queryRunner.query(`DROP TABLE "incident_pending_attachment"`);
  }
}
