import { type ListStaffUsers, mayBeAssigned, type StaffGroups } from '@domain/identity';

/** A person cases can be assigned to, with the groups they are a member of. */
export interface AssignableStaff {
  value: string;
  label: string;
  /** Group ids, space-separated: the forms offer only the chosen group's members (app.js). */
  groups: string;
}

export interface AssignmentChoices {
  staff: AssignableStaff[];
  groups: Array<{ value: string; label: string }>;
}

/** Staff who may work cases and active groups to assign incidents and tickets to, each person with their groups. */
export async function assignmentChoices(users: ListStaffUsers, staffGroups: StaffGroups): Promise<AssignmentChoices> {
  const groups = await staffGroups.list();
  const memberOf = new Map<string, string[]>();
  for (const group of groups) for (const member of group.members) memberOf.set(member.id, [...(memberOf.get(member.id) ?? []), group.id]);
  return {
    staff: (await users.execute())
      .filter(mayBeAssigned)
      .map((u) => ({ value: u.id, label: u.name || u.email, groups: (memberOf.get(u.id) ?? []).join(' ') })),
    groups: groups.map((g) => ({ value: g.id, label: g.name })),
  };
}
