import { Injectable } from '@nestjs/common';

import { StaffUser } from './staff-user.entity';
import { StaffUserRepository } from './staff-user.repository';

export type StaffUserView = Pick<StaffUser, 'id' | 'email' | 'name' | 'role' | 'active' | 'lastLoginAt' | 'createdAt'> & {
  locked: boolean;
};

@Injectable()
export class ListStaffUsers {
  constructor(private readonly staffUsers: StaffUserRepository) {}

  async execute(): Promise<StaffUserView[]> {
    const now = new Date();
    return (await this.staffUsers.list()).map((u) => ({
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
