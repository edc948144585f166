import { AuditModule } from '@domain/audit';
import { Module } from '@nestjs/common';

import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenOwnership } from './api-token-ownership';
import { AuthenticateStaff } from './authenticate-staff.use-case';
import { BootstrapAdmin } from './bootstrap-admin.use-case';
import { CreateApiToken } from './create-api-token.use-case';
import { CreateFirstAdmin } from './create-first-admin.use-case';
import { CreateStaffUser } from './create-staff-user.use-case';
import { ListApiTokens } from './list-api-tokens.use-case';
import { ListStaffUsers } from './list-staff-users.use-case';
import { ManageStaffGroups } from './manage-staff-groups.use-case';
import { OpenFirstAdminSetup } from './open-first-admin-setup.use-case';
import { PasswordLinks } from './password-links';
import { PasswordSetTokenRepository } from './password-set-token.repository';
import { PurgeExpiredCredentials } from './purge-expired-credentials.use-case';
import { ResetStaffPassword } from './reset-staff-password.use-case';
import { RevokeApiToken } from './revoke-api-token.use-case';
import { SetPassword } from './set-password.use-case';
import { SetupTokenRepository } from './setup-token.repository';
import { SignIn } from './sign-in.use-case';
import { SignOut } from './sign-out.use-case';
import { StaffGroupRepository } from './staff-group.repository';
import { StaffGroups } from './staff-groups.use-case';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffSessionIssuer } from './staff-session-issuer';
import { StaffUserRepository } from './staff-user.repository';
import { UpdateStaffUser } from './update-staff-user.use-case';

const useCases = [
  AuthenticateStaff,
  BootstrapAdmin,
  CreateApiToken,
  CreateFirstAdmin,
  CreateStaffUser,
  ListApiTokens,
  ListStaffUsers,
  ManageStaffGroups,
  OpenFirstAdminSetup,
  PurgeExpiredCredentials,
  ResetStaffPassword,
  RevokeApiToken,
  SetPassword,
  SignIn,
  SignOut,
  StaffGroups,
  UpdateStaffUser,
];

@Module({
  imports: [AuditModule],
  providers: [
    StaffUserRepository,
    StaffGroupRepository,
    StaffSessionRepository,
    ApiTokenRepository,
    PasswordSetTokenRepository,
    SetupTokenRepository,
    StaffSessionIssuer,
    PasswordLinks,
    ApiTokenOwnership,
    ...useCases,
  ],
  exports: [...useCases, ApiTokenOwnership],
})
export class IdentityModule {}
