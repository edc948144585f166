import { Injectable } from '@nestjs/common';

import { IdentityRepository } from './identity.repository';
import { StaffUser } from './staff-user.entity';

export type StaffUserView = Pick<StaffUser, 'id' | 'email' | 'name' | 'role' | 'active' | 'lastLoginAt' | 'createdAt'> & {
  locked: boolean;
};

@Injectable()
export class ListStaffUsers {
  constructor(private readonly identity: IdentityRepository) {}

  async execute(): Promise<StaffUserView[]> {
    const now = new Date();
    return (await this.identity.listStaff()).map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      active: u.active,
      lastLoginAt: u.lastLoginAt,
      createdAt: u.createdAt,
      locked: !!u.lockedUntil && u.lockedUntil > now,
    }));
  }
}
