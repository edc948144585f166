import { RecordAudit } from '@domain/audit';
import { type AssignmentChange, StaffGroups } from '@domain/identity';
import { NotifyStaff } from '@domain/notifications';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import type { Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentNotFound } from './incidents.exceptions';

/**
 * Staff give an incident to an assignment group and/or a staff member, as a ticket: with a group
 * the assignee is one of its members, and a new group drops an assignee who is not. The assignee
 * and a new group's members hear of it in the app; they are also the ones told when Skatteetaten
 * or a municipality answers in its conversation.
 */
@Injectable()
export class AssignIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly groups: StaffGroups,
    private readonly audit: RecordAudit,
    private readonly notify: NotifyStaff,
  ) {}

  async execute(incidentId: string, change: AssignmentChange, actor: Actor): Promise<Incident> {
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      const next = await this.groups.resolve({ groupId: incident.groupId, assigneeId: incident.assigneeId }, change);
      if (!next.groupChanged && !next.assigneeChanged) return incident;
      const patch = { groupId: next.group?.id ?? null, assigneeId: next.assignee?.id ?? null, assigneeName: next.assignee?.name ?? null };
      await this.incidents.update(incident.id, patch);
      const link = { reference: incident.reference, title: incident.title, link: `/incidents/${incident.id}` };
      const others = (ids: string[]) => ids.filter((s) => !(actor.kind === 'staff' && actor.id === s));
      if (next.groupChanged) {
        const from = incident.groupId ? ((await this.groups.names([incident.groupId])).get(incident.groupId) ?? null) : null;
        await this.timeline.record(incident.id, 'group_set', actor.label, { from, to: next.group?.name ?? null });
        await this.audit.execute({
          actor,
          action: 'incident.group_set',
          objectType: 'incident',
          objectId: incident.id,
          before: { group: incident.groupId },
          after: { group: patch.groupId },
        });
        if (next.group) {
          const members = (await this.groups.activeMembers(next.group.id)).map((m) => m.id);
          await this.notify.execute({ staffIds: others(members) }, { kind: 'incident.group_assigned', ...link });
        }
      }
      if (next.assigneeChanged) {
        await this.timeline.record(incident.id, 'assigned', actor.label, { from: incident.assigneeName, to: patch.assigneeName });
        await this.audit.execute({
          actor,
          action: 'incident.assigned',
          objectType: 'incident',
          objectId: incident.id,
          before: { assignee: incident.assigneeId },
          after: { assignee: patch.assigneeId, ...(next.assigneeCleared ? { reason: 'not_in_group' } : {}) },
        });
        if (next.assignee) await this.notify.execute({ staffIds: others([next.assignee.id]) }, { kind: 'incident.assigned', ...link });
      }
      return { ...incident, ...patch };
    });
  }
}
