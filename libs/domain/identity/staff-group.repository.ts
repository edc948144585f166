import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In, IsNull } from 'typeorm';

import { StaffGroup, StaffGroupMember } from './staff-group.entity';

/** Assignment groups and their members. */
@Injectable()
export class StaffGroupRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get groups() {
    return this.db.repository(StaffGroup);
  }

  private get members() {
    return this.db.repository(StaffGroupMember);
  }

  /** By name; archived ones only when asked for. */
  list(includeArchived: boolean): Promise<StaffGroup[]> {
    return this.groups.find({ where: includeArchived ? {} : { archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } });
  }

  find(id: string): Promise<StaffGroup | null> {
    return this.groups.findOneBy({ id });
  }

  findMany(ids: string[]): Promise<StaffGroup[]> {
    return ids.length ? this.groups.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** The active group with this name, compared as the unique index does (case-insensitively). */
  async activeNamed(name: string): Promise<StaffGroup | null> {
    return this.groups.createQueryBuilder('g').where('lower(g.name) = lower(:name) AND g.archived_at IS NULL', { name }).getOne();
  }

  /** Active groups other than `exceptId` that handle any of the categories. */
  activeHandling(categories: string[], exceptId: string | null): Promise<StaffGroup[]> {
    if (!categories.length) return Promise.resolve([]);
    const q = this.groups.createQueryBuilder('g').where('g.archived_at IS NULL AND g.categories && :categories::text[]', { categories });
    if (exceptId) q.andWhere('g.id <> :exceptId', { exceptId });
    return q.getMany();
  }

  async save(group: Partial<StaffGroup>): Promise<StaffGroup> {
    const saved = await this.groups.save(this.groups.create(group));
    return (await this.find(saved.id))!;
  }

  async memberIds(groupId: string): Promise<string[]> {
    return (await this.members.find({ where: { groupId }, order: { addedAt: 'ASC' } })).map((m) => m.staffId);
  }

  async membersOfMany(groupIds: string[]): Promise<StaffGroupMember[]> {
    return groupIds.length ? this.members.findBy({ groupId: In(groupIds) }) : [];
  }

  async groupIdsOf(staffId: string): Promise<string[]> {
    return (await this.members.findBy({ staffId })).map((m) => m.groupId);
  }

  /** Adds the member unless already one: whether it was added. */
  async addMember(groupId: string, staffId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO staff_group_member (group_id, staff_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING group_id`,
      [groupId, staffId],
    );
    return rows.length > 0;
  }

  async removeMember(groupId: string, staffId: string): Promise<boolean> {
    return ((await this.members.delete({ groupId, staffId })).affected ?? 0) > 0;
  }
}
