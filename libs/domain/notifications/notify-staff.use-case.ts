import { ListStaffUsers } from '@domain/identity';
import { type Permission, staffRolesWith } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { NotificationRepository } from './notification.repository';

/**
 * Who a notification goes to: named staff members, or every active staff member with a permission
 * (e.g. all who triage incidents), leaving out those who also hold `except`.
 */
export type NotificationRecipients = { staffIds: string[] } | { permission: Permission; except?: Permission };

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
    const ids = 'staffIds' in to ? [...new Set(to.staffIds)] : await this.withPermission(to.permission, to.except);
    await this.repo.insertFor(ids, { kind: n.kind, reference: n.reference ?? null, title: n.title.slice(0, 300), link: n.link });
  }

  /**
   * What earlier notifications leading to `link` said becomes confidential: staff without
   * `permission` keep them, rewritten as `instead` says.
   */
  async withdraw(link: string, permission: Permission, instead: Omit<NotificationInput, 'reference'>): Promise<void> {
    const allowed = new Set(staffRolesWith(permission));
    const others = (await this.staff.execute()).filter((u) => !allowed.has(u.role)).map((u) => u.id);
    await this.repo.rewrite(others, link, { kind: instead.kind, title: instead.title, link: instead.link });
  }

  private async withPermission(permission: Permission, except?: Permission): Promise<string[]> {
    const excluded = new Set(except ? staffRolesWith(except) : []);
    const roles = new Set(staffRolesWith(permission).filter((role) => !excluded.has(role)));
    return (await this.staff.execute()).filter((u) => u.active && roles.has(u.role)).map((u) => u.id);
  }
}
