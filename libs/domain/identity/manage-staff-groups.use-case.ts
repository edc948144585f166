import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';

import {
  StaffGroupCategoryTaken,
  StaffGroupChangedMeanwhile,
  StaffGroupNameTaken,
  StaffGroupNotFound,
  UnknownGroupMember,
} from './identity.exceptions';
import type { StaffGroup } from './staff-group.entity';
import { StaffGroupRepository } from './staff-group.repository';
import { StaffGroups, staffGroupVersion, type StaffGroupView } from './staff-groups.use-case';
import { StaffUserRepository } from './staff-user.repository';

export interface StaffGroupInput {
  name?: string;
  description?: string;
  /**
   * Ticket categories routed to the group. Identity keeps them as keys; the callers (API, pages)
   * offer only the support desk's categories.
   */
  categories?: string[];
  /** true archives the group (it routes nothing and takes no new cases), false brings it back. */
  archived?: boolean;
}

export const STAFF_GROUP_LIMITS = { name: 100, description: 1000, categories: 20 } as const;
const CATEGORY = /^[a-z_]{1,40}$/;

/**
 * Admins create, rename, describe, archive and restore assignment groups and change who is in
 * them, each audited. The categories a group handles are unique among active groups, decided under
 * one lock so two admins cannot route a category to two groups at once.
 */
@Injectable()
export class ManageStaffGroups {
  constructor(
    private readonly db: DatabaseContext,
    private readonly groups: StaffGroupRepository,
    private readonly staff: StaffUserRepository,
    private readonly read: StaffGroups,
    private readonly audit: RecordAudit,
  ) {}

  async create(input: StaffGroupInput, actor: Actor): Promise<StaffGroupView> {
    const fields = this.check(input, true);
    const id = await this.db.transaction(async () => {
      await this.db.advisoryXactLock('staff-group-routing');
      await this.refuseTaken(fields, null);
      const group = await this.groups.save({
        name: fields.name!,
        description: fields.description ?? '',
        categories: fields.categories ?? [],
        archivedAt: input.archived ? new Date() : null,
      });
      await this.audit.execute({
        actor,
        action: 'staff_group.created',
        objectType: 'staff_group',
        objectId: group.id,
        after: { name: group.name, description: group.description, categories: group.categories },
      });
      return group.id;
    });
    return this.read.get(id);
  }

  /**
   * Changes the details given. With `expectedVersions` (the versions of the group's details the
   * editor read, see staffGroupVersion), a group changed by someone else since is refused rather
   * than overwritten.
   */
  async update(id: string, input: StaffGroupInput, actor: Actor, expectedVersions?: readonly string[]): Promise<StaffGroupView> {
    const fields = this.check(input, false);
    await this.db.transaction(async () => {
      // Every change to a group's details takes this lock, so the version read under it stays true until the commit.
      await this.db.advisoryXactLock('staff-group-routing');
      const group = await this.groups.find(id);
      if (!group) throw new StaffGroupNotFound();
      if (expectedVersions && !expectedVersions.includes(staffGroupVersion(group))) throw new StaffGroupChangedMeanwhile();
      const archivedAt = input.archived === undefined ? group.archivedAt : input.archived ? (group.archivedAt ?? new Date()) : null;
      const after = {
        name: fields.name ?? group.name,
        description: fields.description ?? group.description,
        categories: fields.categories ?? group.categories,
      };
      // Only an active group routes, so only one staying or becoming active competes for names and categories.
      if (!archivedAt) await this.refuseTaken(after, group.id);
      await this.groups.save({ id, ...after, archivedAt });
      const before = { name: group.name, description: group.description, categories: group.categories, archived: !!group.archivedAt };
      const archiving = !!archivedAt !== !!group.archivedAt;
      await this.audit.execute({
        actor,
        action: !archiving ? 'staff_group.updated' : archivedAt ? 'staff_group.archived' : 'staff_group.restored',
        objectType: 'staff_group',
        objectId: id,
        before,
        after: { ...after, archived: !!archivedAt },
      });
    });
    return this.read.get(id);
  }

  async addMember(id: string, staffId: string, actor: Actor): Promise<StaffGroupView> {
    await this.db.transaction(async () => {
      const group = await this.existing(id);
      const user = await this.staff.find(staffId);
      if (!user || !user.active) throw new UnknownGroupMember();
      if (await this.groups.addMember(group.id, user.id))
        await this.audit.execute({
          actor,
          action: 'staff_group.member_added',
          objectType: 'staff_group',
          objectId: group.id,
          after: { staffId: user.id, email: user.email },
        });
    });
    return this.read.get(id);
  }

  async removeMember(id: string, staffId: string, actor: Actor): Promise<StaffGroupView> {
    await this.db.transaction(async () => {
      const group = await this.existing(id);
      if (await this.groups.removeMember(group.id, staffId))
        await this.audit.execute({
          actor,
          action: 'staff_group.member_removed',
          objectType: 'staff_group',
          objectId: group.id,
          before: { staffId },
        });
    });
    return this.read.get(id);
  }

  private async existing(id: string): Promise<StaffGroup> {
    const group = await this.groups.find(id);
    if (!group) throw new StaffGroupNotFound();
    return group;
  }

  private check(input: StaffGroupInput, creating: boolean): StaffGroupInput {
    const errors: FieldError[] = [];
    const name = input.name === undefined ? undefined : String(input.name).trim();
    if ((creating || name !== undefined) && !name) errors.push({ field: 'name', message: 'must not be empty' });
    if (name && name.length > STAFF_GROUP_LIMITS.name)
      errors.push({ field: 'name', message: `must be at most ${STAFF_GROUP_LIMITS.name} characters` });
    const description = input.description === undefined ? undefined : String(input.description).trim();
    if (description && description.length > STAFF_GROUP_LIMITS.description)
      errors.push({ field: 'description', message: `must be at most ${STAFF_GROUP_LIMITS.description} characters` });
    const categories = input.categories === undefined ? undefined : [...new Set(input.categories)].sort();
    if (categories && (categories.length > STAFF_GROUP_LIMITS.categories || !categories.every((c) => CATEGORY.test(c))))
      errors.push({ field: 'categories', message: 'must be ticket categories' });
    if (errors.length) throw new ValidationFailed(errors);
    return { name, description, categories };
  }

  private async refuseTaken(fields: StaffGroupInput, exceptId: string | null): Promise<void> {
    const named = fields.name ? await this.groups.activeNamed(fields.name) : null;
    if (named && named.id !== exceptId) throw new StaffGroupNameTaken(fields.name!);
    const [other] = await this.groups.activeHandling(fields.categories ?? [], exceptId);
    if (other)
      throw new StaffGroupCategoryTaken(
        other.categories.find((c) => fields.categories!.includes(c))!,
        other.name,
      );
  }
}
