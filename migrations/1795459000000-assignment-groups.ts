import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignment groups: staff groups with the ticket categories routed to them and their members;
 * a ticket gets a group beside its assignee, and an incident gets both.
 */
export class AssignmentGroups1795459000000 implements MigrationInterface {
  name = 'AssignmentGroups1795459000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_group" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "categories" text array NOT NULL DEFAULT '{}',
        "archived_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "staff_group_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "staff_group_name_key" ON "staff_group" (lower("name")) WHERE "archived_at" IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "staff_group_member" (
        "group_id" uuid NOT NULL,
        "staff_id" uuid NOT NULL,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "staff_group_member_pkey" PRIMARY KEY ("group_id", "staff_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "staff_group_member_staff_idx" ON "staff_group_member" ("staff_id")`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "group_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ticket_group_idx" ON "ticket" ("group_id")`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "assignee_id" uuid`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "assignee_name" text`);
    await queryRunner.query(`ALTER TABLE "incident" ADD "group_id" uuid`);
    await queryRunner.query(`CREATE INDEX "incident_assignee_idx" ON "incident" ("assignee_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "incident_assignee_idx"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "group_id"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "assignee_name"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "assignee_id"`);
    await queryRunner.query(`DROP INDEX "ticket_group_idx"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "group_id"`);
    await queryRunner.query(`DROP TABLE "staff_group_member"`);
    await queryRunner.query(`DROP TABLE "staff_group"`);
  }
}
