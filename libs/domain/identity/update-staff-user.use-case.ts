import { RecordAudit } from '@domain/audit';
import { Actor, STAFF_ROLES, StaffRole } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { Conflict, NotFound, ValidationFailed } from '@platform/errors';

import { StaffSessionRepository } from './staff-session.repository';
import { StaffUser } from './staff-user.entity';
import { StaffUserRepository } from './staff-user.repository';

export interface UpdateStaffUserInput {
  name?: string;
  role?: StaffRole;
  active?: boolean;
}

const ACTIVE_ADMINS_LOCK = 'staff:active-admins';

@Injectable()
export class UpdateStaffUser {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, input: UpdateStaffUserInput, actor: Actor): Promise<StaffUser> {
    if (input.role !== undefined && !STAFF_ROLES.includes(input.role))
      throw new ValidationFailed([{ field: 'role', message: `must be one of ${STAFF_ROLES.join(', ')}` }]);
    return this.db.transaction(async () => {
      const user = await this.staffUsers.lock(id);
      if (!user) throw new NotFound('The staff user');
      if (actor.id === id && (input.active === false || (input.role && input.role !== 'admin' && user.role === 'admin'))) {
        throw new Conflict('cannot_demote_self', 'You cannot deactivate yourself or remove your own admin role.');
      }
      const before = { name: user.name, role: user.role, active: user.active };
      const after = { name: input.name?.trim() || user.name, role: input.role ?? user.role, active: input.active ?? user.active };
      if (user.role === 'admin' && user.active && (after.role !== 'admin' || !after.active)) {
        // Two admins taking each other's role at the same moment must leave one of them: the
        // count is made by one such change at a time, after the other's commit.
        await this.db.advisoryXactLock(ACTIVE_ADMINS_LOCK);
        if ((await this.staffUsers.countActiveAdminsOtherThan(id)) === 0)
          throw new Conflict('last_admin', 'At least one active administrator must remain.');
      }
      const saved = await this.staffUsers.save({ id, ...after, ...(after.active ? {} : { lockedUntil: null }) });
      if (!after.active) await this.sessions.deleteAllOf(id);
      await this.audit.execute({ actor, action: 'staff.updated', objectType: 'staff_user', objectId: id, before, after });
      return { ...user, ...saved };
    });
  }
}
