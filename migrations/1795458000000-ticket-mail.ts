import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail into tickets: a ticket from a sender the registry does not tie to one consumer is
 * marked unverified until staff set its consumer; a message that came by e-mail keeps the stored
 * inbound message (its attachments); a reply to a closed ticket opens a new one linked to it.
 */
export class TicketMail1795458000000 implements MigrationInterface {
  name = 'TicketMail1795458000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" ADD "unverified" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "ticket_message" ADD "inbound_message_id" uuid`);
    await queryRunner.query(`ALTER TABLE "ticket_link" DROP CONSTRAINT "ticket_link_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "ticket_link" ADD CONSTRAINT "ticket_link_kind_check" CHECK ("kind" IN ('report', 'incident', 'onboarding', 'change_request', 'ticket'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "ticket_link" WHERE "kind" = 'ticket'`);
    await queryRunner.query(`ALTER TABLE "ticket_link" DROP CONSTRAINT "ticket_link_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "ticket_link" ADD CONSTRAINT "ticket_link_kind_check" CHECK ("kind" IN ('report', 'incident', 'onboarding', 'change_request'))`,
    );
    await queryRunner.query(`ALTER TABLE "ticket_message" DROP COLUMN "inbound_message_id"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "unverified"`);
  }
}
