import { versionOf } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { AssigneeNotInGroup, StaffGroupNotFound, UnknownAssignee, UnknownStaffGroup } from './identity.exceptions';
import { type Assignment, type AssignmentChange, decideAssignment, mayBeAssigned } from './rules/assignment';
import type { StaffGroup } from './staff-group.entity';
import { StaffGroupRepository } from './staff-group.repository';
import { StaffUserRepository } from './staff-user.repository';

export interface StaffGroupMemberView {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export interface StaffGroupView {
  id: string;
  name: string;
  description: string;
  categories: string[];
  archived: boolean;
  archivedAt: Date | null;
  members: StaffGroupMemberView[];
  createdAt: Date;
  /** Of the group's details (see staffGroupVersion); members come and go by their own changes. */
  version: string;
}

/**
 * The version of a group's details as an editor reads them (name, description, categories and
 * whether it is archived): a change made on details someone else has changed since is refused
 * rather than overwriting them unseen.
 */
export function staffGroupVersion(g: Pick<StaffGroup, 'name' | 'description' | 'categories' | 'archivedAt'>): string {
  return versionOf({ name: g.name, description: g.description, categories: g.categories, archived: !!g.archivedAt });
}

/** An assignment as it stands after a change, with the names the case keeps and shows. */
export interface ResolvedAssignment {
  group: { id: string; name: string } | null;
  assignee: { id: string; name: string; email: string } | null;
  groupChanged: boolean;
  assigneeChanged: boolean;
  /** The group changed and the assignee, not a member of it, was dropped. */
  assigneeCleared: boolean;
}

const memberView = (u: { id: string; name: string; email: string; active: boolean }): StaffGroupMemberView => ({
  id: u.id,
  name: u.name || u.email,
  email: u.email,
  active: u.active,
});

/**
 * Reading assignment groups, for the admin pages and for the contexts that route and assign
 * cases (tickets, incidents): which group handles a category, who its members are, and whether a
 * change of group and assignee is allowed.
 */
@Injectable()
export class StaffGroups {
  constructor(
    private readonly groups: StaffGroupRepository,
    private readonly staff: StaffUserRepository,
  ) {}

  async list(includeArchived = false): Promise<StaffGroupView[]> {
    return this.views(await this.groups.list(includeArchived));
  }

  async get(id: string): Promise<StaffGroupView> {
    const group = await this.groups.find(id);
    if (!group) throw new StaffGroupNotFound();
    return (await this.views([group]))[0];
  }

  /** The groups a staff member is in, archived ones too (their cases stay in them). */
  async ofStaff(staffId: string): Promise<StaffGroupView[]> {
    const ids = await this.groups.groupIdsOf(staffId);
    const found = await this.groups.findMany(ids);
    return this.views(found.sort((a, b) => a.name.localeCompare(b.name, 'nb')));
  }

  idsOf(staffId: string): Promise<string[]> {
    return this.groups.groupIdsOf(staffId);
  }

  /** The active group a new case of this category goes to; none when no group handles it. */
  async forCategory(category: string): Promise<{ id: string; name: string } | null> {
    const [group] = await this.groups.activeHandling([category], null);
    return group ? { id: group.id, name: group.name } : null;
  }

  /** The names of these groups (archived ones too), by id. */
  async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.groups.findMany(ids)).map((g) => [g.id, g.name]));
  }

  /** Active staff members of the group: who hears of its cases. */
  async activeMembers(groupId: string): Promise<StaffGroupMemberView[]> {
    const ids = new Set(await this.groups.memberIds(groupId));
    return (await this.staff.list()).filter((u) => u.active && ids.has(u.id)).map(memberView);
  }

  /**
   * Checks a change of group and assignee against the case's current one: a new group must be
   * active, a named assignee an active staff member who may work cases (not read-only) and, when
   * the case has a group, one of its members; moving to a group drops an assignee who is not a
   * member there.
   */
  async resolve(current: Assignment, change: AssignmentChange): Promise<ResolvedAssignment> {
    const groupId = change.groupId === undefined ? current.groupId : change.groupId;
    const group = groupId ? await this.groups.find(groupId) : null;
    if (groupId && (!group || (group.archivedAt && groupId !== current.groupId))) throw new UnknownStaffGroup();
    const users = await this.staff.list();
    if (change.assigneeId && change.assigneeId !== current.assigneeId && !users.some((u) => u.id === change.assigneeId && mayBeAssigned(u)))
      throw new UnknownAssignee();
    const decision = decideAssignment(current, change, new Set(groupId ? await this.groups.memberIds(groupId) : []));
    if (!decision.ok) throw new AssigneeNotInGroup();
    const assignee = decision.next.assigneeId ? users.find((u) => u.id === decision.next.assigneeId) : undefined;
    return {
      group: group ? { id: group.id, name: group.name } : null,
      assignee: assignee ? { id: assignee.id, name: assignee.name || assignee.email, email: assignee.email } : null,
      groupChanged: decision.groupChanged,
      assigneeChanged: decision.assigneeChanged,
      assigneeCleared: decision.assigneeCleared,
    };
  }

  private async views(groups: StaffGroup[]): Promise<StaffGroupView[]> {
    const members = await this.groups.membersOfMany(groups.map((g) => g.id));
    const users = new Map((await this.staff.list()).map((u) => [u.id, u]));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      categories: g.categories,
      archived: !!g.archivedAt,
      archivedAt: g.archivedAt,
      members: members
        .filter((m) => m.groupId === g.id && users.has(m.staffId))
        .map((m) => memberView(users.get(m.staffId)!))
        .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      createdAt: g.createdAt,
      version: staffGroupVersion(g),
    }));
  }
}
