import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake reads the profile of every open candidate incident on each report, and an outage's profile
 * grows with every municipality that reports it (a key per municipality): with 350 of them, shipping
 * and parsing it was a fifth of the application's CPU per report. A version, raised by a trigger on
 * every write of the profile whatever statement makes it, lets intake keep the profiles it read and
 * have the database send one only when its version is not the one kept.
 */
export class IncidentProfileVersion1795475000000 implements MigrationInterface {
  name = 'IncidentProfileVersion1795475000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ADD "profile_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE FUNCTION incident_profile_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.profile_version := OLD.profile_version + 1;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER incident_profile_version BEFORE UPDATE OF profile ON incident
      FOR EACH ROW EXECUTE FUNCTION incident_profile_written()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER incident_profile_version ON incident`);
    await queryRunner.query(`DROP FUNCTION incident_profile_written()`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "profile_version"`);
  }
}
