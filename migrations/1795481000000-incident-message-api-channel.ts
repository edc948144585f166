import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A municipality's system may answer KS about a report through the API, as its users do in the
 * portal; such a message says it came by the API. Going down fails while such messages exist.
 */
export class IncidentMessageApiChannel1795481000000 implements MigrationInterface {
  name = 'IncidentMessageApiChannel1795481000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_message" DROP CONSTRAINT "incident_message_channel_check"`);
    await queryRunner.query(
      `ALTER TABLE "incident_message" ADD CONSTRAINT "incident_message_channel_check" CHECK ("channel" IN ('desk', 'email', 'portal', 'api'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_message" DROP CONSTRAINT "incident_message_channel_check"`);
    await queryRunner.query(
      `ALTER TABLE "incident_message" ADD CONSTRAINT "incident_message_channel_check" CHECK ("channel" IN ('desk', 'email', 'portal'))`,
    );
  }
}
