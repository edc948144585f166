import { type StaffRole, staffRolesWith } from '@domain/shared';

/** Who a case (ticket or incident) is with: a group, a staff member, both or neither. */
export interface Assignment {
  groupId: string | null;
  assigneeId: string | null;
}

/**
 * Who a case can be given to: the roles that may work tickets and incidents. A read-only member of
 * staff could hold a case but do nothing with it.
 */
const CASE_HANDLERS: ReadonlySet<StaffRole> = new Set(
  staffRolesWith('ticket.manage').filter((role) => staffRolesWith('incident.triage').includes(role)),
);

export const mayBeAssigned = (user: { active: boolean; role: StaffRole }): boolean => user.active && CASE_HANDLERS.has(user.role);

/** What a change asks for; a field left out keeps its value, null clears it. */
export interface AssignmentChange {
  groupId?: string | null;
  assigneeId?: string | null;
}

export type AssignmentDecision =
  | { ok: true; next: Assignment; groupChanged: boolean; assigneeChanged: boolean; assigneeCleared: boolean }
  | { ok: false; refusal: 'assignee_not_in_group' };

/**
 * A case with a group is assigned only to a member of it. Naming an assignee who is not a member
 * is refused; moving the case to another group drops an assignee who is not a member there, so
 * the case lands unassigned in the new group instead of staying with someone outside it.
 * `members` are the members of the group the case ends up in (ignored when it has none).
 */
export function decideAssignment(current: Assignment, change: AssignmentChange, members: ReadonlySet<string>): AssignmentDecision {
  const groupId = change.groupId === undefined ? current.groupId : change.groupId;
  let assigneeId = change.assigneeId === undefined ? current.assigneeId : change.assigneeId;
  let assigneeCleared = false;
  if (groupId && assigneeId && !members.has(assigneeId)) {
    if (change.assigneeId !== undefined) return { ok: false, refusal: 'assignee_not_in_group' };
    if (groupId !== current.groupId) {
      assigneeId = null;
      assigneeCleared = true;
    }
  }
  return {
    ok: true,
    next: { groupId, assigneeId },
    groupChanged: groupId !== current.groupId,
    assigneeChanged: assigneeId !== current.assigneeId,
    assigneeCleared,
  };
}
