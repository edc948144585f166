import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@domain/audit/audit.module';
import { IdentityModule } from '@domain/identity/identity.module';
import { AuthGuard } from './auth/auth.guard';
import { HealthController } from './health/health.controller';
import { ApiTokensController } from './identity/api-tokens.controller';
import { MeController } from './identity/me.controller';
import { StaffUsersController } from './identity/staff-users.controller';
import { SeedTasks } from './seed-tasks';
import { StartupTasks } from './startup-tasks';
import { AdminPagesController } from './ui/controllers/admin-pages.controller';
import { AuthPagesController } from './ui/controllers/auth-pages.controller';
import { HomeController } from './ui/controllers/home.controller';

/** The HTTP application: JSON API, admin UI and consumer portal. */
@Module({
  imports: [
    TerminusModule,
    // Only login and password routes opt in to throttling; authenticated API traffic is never throttled.
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 10 }]),
    IdentityModule,
    AuditModule,
  ],
  controllers: [HealthController, MeController, ApiTokensController, StaffUsersController, AuthPagesController, AdminPagesController, HomeController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, StartupTasks, SeedTasks],
})
export class ApiModule {}
