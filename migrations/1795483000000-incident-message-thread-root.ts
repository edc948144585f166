import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which thread to Skatteetaten a message belongs to, by its first message's Message-ID. An incident
 * merged into another that had a thread of its own brings its messages along, so an incident's
 * messages can come from two threads; the next message in one answers Skatteetaten's latest there.
 * Messages stored before this are of unknown thread (null) and count for either.
 */
export class IncidentMessageThreadRoot1795483000000 implements MigrationInterface {
  name = 'IncidentMessageThreadRoot1795483000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_message" ADD "thread_root_message_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_message" DROP COLUMN "thread_root_message_id"`);
  }
}
