import { ListStaffUsers } from '@domain/identity';
import { type Permission, staffRolesWith } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { NotificationRepository } from './notification.repository';

/** Who a notification goes to: named staff members, or every active staff member with a permission (e.g. all who triage incidents). */
export type NotificationRecipients = { staffIds: string[] } | { permission: Permission };

export interface NotificationInput {
  /** What happened, e.g. `incident.opened`; a new kind gets its words in the admin UI's notification texts. */
  kind: string;
  reference?: string | null;
  title: string;
  /** The staff page it leads to, a path such as `/incidents/…`. */
  link: string;
}

/**
 * In-app notification to staff, written in the caller's transaction: it exists exactly when the
 * change that caused it does. Open pages hear of it from the live feed, which reads the counts.
 */
@Injectable()
export class NotifyStaff {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly staff: ListStaffUsers,
  ) {}

  async execute(to: NotificationRecipients, n: NotificationInput): Promise<void> {
    const ids = 'staffIds' in to ? [...new Set(to.staffIds)] : await this.withPermission(to.permission);
    await this.repo.insertFor(ids, { kind: n.kind, reference: n.reference ?? null, title: n.title.slice(0, 300), link: n.link });
  }

  private async withPermission(permission: Permission): Promise<string[]> {
    const roles = new Set(staffRolesWith(permission));
    return (await this.staff.execute()).filter((u) => u.active && roles.has(u.role)).map((u) => u.id);
  }
}
