import { SecurityViewsModule } from '@composition';
import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ChangeRequestsModule } from '@domain/change-requests';
import { ConsumersModule } from '@domain/consumers';
import { IdentityModule } from '@domain/identity';
import { IncidentsModule } from '@domain/incidents';
import { KnowledgeModule } from '@domain/knowledge';
import { NoticesModule } from '@domain/notices';
import { SupportModule } from '@domain/support';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AttemptCounter } from '@platform/rate-limit';

import { AuthGuard } from './auth/auth.guard';
import { SecurityCaseGuard } from './auth/security-case.guard';
import { CatalogueController } from './catalogue/catalogue.controller';
import { ChangeRequestsController } from './change-requests/change-requests.controller';
import { ConsumerApiKeysController } from './consumers/consumer-api-keys.controller';
import { ConsumersController } from './consumers/consumers.controller';
import { OnboardingController } from './consumers/onboarding.controller';
import { HealthController } from './health/health.controller';
import { SharedThrottlerStorage } from './http/shared-throttler.storage';
import { ApiTokensController } from './identity/api-tokens.controller';
import { MeController } from './identity/me.controller';
import { StaffGroupsController } from './identity/staff-groups.controller';
import { StaffUsersController } from './identity/staff-users.controller';
import { IncidentsController, MergeProposalsController } from './incidents/incidents.controller';
import { ReportsController } from './incidents/reports.controller';
import { SecurityCasesController } from './incidents/security-cases.controller';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeBaseController } from './knowledge/knowledge-base.controller';
import { PublicHelpController } from './knowledge/public-help.controller';
import { NoticeFeedsController } from './notices/notice-feeds.controller';
import { NoticesController } from './notices/notices.controller';
import { OutboxController } from './notifications/outbox.controller';
import { SeedTasks } from './seed-tasks';
import { StartupTasks } from './startup-tasks';
import { CannedResponsesController } from './support/canned-responses.controller';
import { TicketsController } from './support/tickets.controller';
import { UiModule } from './ui/ui.module';

/** The HTTP application: JSON API, admin UI and consumer portal. */
@Module({
  imports: [
    TerminusModule,
    // Only login and password routes opt in to throttling; authenticated API traffic is never throttled.
    ThrottlerModule.forRootAsync({
      inject: [AttemptCounter],
      useFactory: (attempts: AttemptCounter) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: 10 }],
        storage: new SharedThrottlerStorage(attempts),
      }),
    }),
    IdentityModule,
    AuditModule,
    CatalogueModule,
    ConsumersModule,
    KnowledgeModule,
    IncidentsModule,
    ChangeRequestsModule,
    NoticesModule,
    SupportModule,
    SecurityViewsModule,
    UiModule,
  ],
  controllers: [
    HealthController,
    ReportsController,
    SecurityCasesController,
    IncidentsController,
    MergeProposalsController,
    KnowledgeBaseController,
    KnowledgeController,
    PublicHelpController,
    CatalogueController,
    ConsumersController,
    ConsumerApiKeysController,
    OnboardingController,
    MeController,
    ApiTokensController,
    StaffUsersController,
    StaffGroupsController,
    OutboxController,
    ChangeRequestsController,
    NoticesController,
    TicketsController,
    CannedResponsesController,
    NoticeFeedsController,
  ],
  providers: [
    // In this order: the second needs the caller the first has found.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: SecurityCaseGuard },
    StartupTasks,
    SeedTasks,
  ],
})
export class ApiModule {}
