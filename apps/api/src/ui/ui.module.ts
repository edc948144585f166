import { DemoModule, EventsAdminModule, MailAdminModule, SecurityViewsModule } from '@composition';
import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ChangeRequestsModule } from '@domain/change-requests';
import { ConsumersModule } from '@domain/consumers';
import { IdentityModule } from '@domain/identity';
import { IncidentsModule } from '@domain/incidents';
import { KnowledgeModule } from '@domain/knowledge';
import { NoticesModule } from '@domain/notices';
import { NotificationsModule } from '@domain/notifications';
import { InboundMailModule, SupportModule } from '@domain/support';
import { Module } from '@nestjs/common';

import { AUDIT_NAV } from './audit/audit.texts.nb';
import { AuditPagesController } from './audit/audit-pages.controller';
import { DraftEditorPage, NewVersionPage } from './catalogue/catalogue.page';
import { CATALOGUE_NAV, CATALOGUE_PAGE_TEXTS } from './catalogue/catalogue.texts.nb';
import { CatalogueDraftController } from './catalogue/catalogue-draft.controller';
import { CataloguePagesController } from './catalogue/catalogue-pages.controller';
import { BoardPage, PortalRequestPage, PortalSubmitPage, StaffRequestPage } from './change-requests/change-request.page';
import { ChangeRequestSearchSource } from './change-requests/change-request.search-source';
import { ChangeRequestPagesController } from './change-requests/change-request-pages.controller';
import { CHANGE_REQUEST_NAV, CHANGE_REQUEST_PAGE_TEXTS } from './change-requests/change-requests.texts.nb';
import { PortalChangeRequestPagesController } from './change-requests/portal-change-request-pages.controller';
import { ConsumerTabPage, ImportConsumersPage, NewConsumerPage } from './consumers/consumer.page';
import { ConsumerSearchSource } from './consumers/consumer.search-source';
import { ConsumerPagesController } from './consumers/consumer-pages.controller';
import { ConsumerTabActionsController } from './consumers/consumer-tab-actions.controller';
import { CONSUMER_NAV, CONSUMER_PAGE_TEXTS, PORTAL_LOGIN_TEXTS } from './consumers/consumers.texts.nb';
import { OnboardingPagesController } from './consumers/onboarding-pages.controller';
import { PortalLoginPage } from './consumers/portal.page';
import { PortalPagesController } from './consumers/portal-pages.controller';
import { DashboardPagesController } from './dashboards/dashboard-pages.controller';
import { DashboardPage } from './dashboards/dashboards.page';
import { DASHBOARD_NAV } from './dashboards/dashboards.texts.nb';
import { EVENTS_NAV } from './events/events.texts.nb';
import { EventsPagesController } from './events/events-pages.controller';
import { HomeController } from './home/home.controller';
import { HomePage } from './home/home.page';
import { HOME_NAV, HOME_PAGE_TEXTS } from './home/home.texts.nb';
import { AuthPagesController } from './identity/auth-pages.controller';
import { ApiTokensPage, SetPasswordPage, SetupPage, SignInPage, StaffGroupsPage, StaffUsersPage } from './identity/identity.page';
import {
  GROUP_TEXTS,
  IDENTITY_NAV,
  PASSWORD_TEXTS,
  SETUP_TEXTS,
  SIGN_IN_TEXTS,
  STAFF_TEXTS,
  TOKEN_TEXTS,
} from './identity/identity.texts.nb';
import { SetupPagesController } from './identity/setup-pages.controller';
import { StaffGroupPagesController } from './identity/staff-group-pages.controller';
import { StaffPagesController } from './identity/staff-pages.controller';
import { TokenPagesController } from './identity/token-pages.controller';
import { INBOUND_MAIL_NAV, INBOUND_MAIL_PAGE_TEXTS } from './inbound-mail/inbound-mail.texts.nb';
import { InboundMailPagesController } from './inbound-mail/inbound-mail-pages.controller';
import { IncidentQueueLive } from './incidents/incident.live-list';
import { IncidentPage, ProposalDecisionPage, QueuePage } from './incidents/incident.page';
import { IncidentSearchSource, ReportSearchSource } from './incidents/incident.search-source';
import { IncidentActionsController } from './incidents/incident-actions.controller';
import { IncidentPagesController } from './incidents/incident-pages.controller';
import {
  INCIDENT_NAV,
  INCIDENT_PAGE_TEXTS,
  PORTAL_REPORT_FORM_TEXTS,
  PORTAL_REPORT_TEXTS,
  SECURITY_CASE_NAV,
  SECURITY_CASE_PAGE_TEXTS,
  STAFF_REPORT_FORM_TEXTS,
} from './incidents/incidents.texts.nb';
import { PersonalDataPagesController } from './incidents/personal-data-pages.controller';
import { PortalReportPagesController } from './incidents/portal-report-pages.controller';
import { ProposalActionsController } from './incidents/proposal-actions.controller';
import { PortalReportFormPage, PortalReportPage, ReportCheck, StaffReportFormPage } from './incidents/report-form.page';
import { SecurityCasePage } from './incidents/security-case.page';
import { SecurityCasePagesController } from './incidents/security-case-pages.controller';
import { StaffReportPagesController } from './incidents/staff-report-pages.controller';
import { HelpPagesController } from './knowledge/help-pages.controller';
import { ArticleEditorPage, ArticlePage, HelpPages, KnowledgeListPage, KnowledgeNames } from './knowledge/knowledge.page';
import { KnowledgeSearchSource } from './knowledge/knowledge.search-source';
import { KNOWLEDGE_NAV, KNOWLEDGE_PAGE_TEXTS } from './knowledge/knowledge.texts.nb';
import { KnowledgePagesController } from './knowledge/knowledge-pages.controller';
import { LiveController } from './live/live.controller';
import { LiveFeed } from './live/live-feed';
import { MAIL_ERROR_TEXTS, MAIL_NAV } from './mail/mail.texts.nb';
import { MailPagesController } from './mail/mail-pages.controller';
import { AcknowledgementPagesController } from './notices/acknowledgement-pages.controller';
import { FeedPagesController } from './notices/feed-pages.controller';
import { FeedsPage } from './notices/feeds.page';
import { NoticePagesController } from './notices/notice-pages.controller';
import { AcknowledgementPage, NewNoticePage, NoticePage, PortalNoticesPage } from './notices/notices.page';
import { FEED_PAGE_TEXTS, NOTICE_NAV, NOTICE_PAGE_TEXTS, PORTAL_NOTICE_NAV } from './notices/notices.texts.nb';
import { PortalNoticePagesController } from './notices/portal-notice-pages.controller';
import { NotificationPagesController } from './notifications/notification-pages.controller';
import { SearchPage } from './search/search.page';
import { SearchPagesController } from './search/search-pages.controller';
import { LIVE_LISTS } from './shared/live-list';
import { NAV_SECTIONS } from './shared/navigation';
import { ERROR_TEXTS, errorPageTexts, PageContext, PageContextInterceptor } from './shared/page-context';
import { PageFormErrorFilter, PageFormInterceptor } from './shared/page-form';
import { SEARCH_SOURCES } from './shared/search-source';
import { CannedResponsePagesController } from './support/canned-response-pages.controller';
import { PortalTicketPagesController } from './support/portal-ticket-pages.controller';
import { SUPPORT_NAV, SUPPORT_PAGE_TEXTS } from './support/support.texts.nb';
import { TicketListLive } from './support/ticket.live-list';
import {
  CannedResponsesPage,
  NewTicketPage,
  PortalAskPage,
  PortalTicketPage,
  StaffTicketPage,
  TicketListPage,
} from './support/ticket.page';
import { TicketSearchSource } from './support/ticket.search-source';
import { TicketActionsController } from './support/ticket-actions.controller';
import { TicketPagesController } from './support/ticket-pages.controller';

/** Each part's menu sections; a new part adds its own here. */
const SECTIONS = [
  HOME_NAV,
  DASHBOARD_NAV,
  INCIDENT_NAV,
  SUPPORT_NAV,
  SECURITY_CASE_NAV,
  CHANGE_REQUEST_NAV,
  CONSUMER_NAV,
  CATALOGUE_NAV,
  NOTICE_NAV,
  PORTAL_NOTICE_NAV,
  KNOWLEDGE_NAV,
  MAIL_NAV,
  EVENTS_NAV,
  INBOUND_MAIL_NAV,
  AUDIT_NAV,
  IDENTITY_NAV,
].flat();

/** What the header's search box asks, in the order the results page shows the groups; a new part adds its source here. */
const SEARCH_SOURCE_TYPES = [
  TicketSearchSource,
  IncidentSearchSource,
  ReportSearchSource,
  ConsumerSearchSource,
  ChangeRequestSearchSource,
  KnowledgeSearchSource,
];

/** The lists open pages keep current (server-sent events from /live); a new part adds its list here. */
const LIVE_LIST_TYPES = [IncidentQueueLive, TicketListLive];

/** Every part's error code → text, for the error page of requests no form handles. */
const ERRORS = errorPageTexts([
  HOME_PAGE_TEXTS,
  INCIDENT_PAGE_TEXTS,
  SECURITY_CASE_PAGE_TEXTS,
  PORTAL_REPORT_FORM_TEXTS,
  STAFF_REPORT_FORM_TEXTS,
  CONSUMER_PAGE_TEXTS,
  PORTAL_LOGIN_TEXTS,
  CATALOGUE_PAGE_TEXTS,
  CHANGE_REQUEST_PAGE_TEXTS,
  SIGN_IN_TEXTS,
  PASSWORD_TEXTS,
  SETUP_TEXTS,
  STAFF_TEXTS,
  GROUP_TEXTS,
  TOKEN_TEXTS,
  NOTICE_PAGE_TEXTS,
  SUPPORT_PAGE_TEXTS,
  FEED_PAGE_TEXTS,
  INBOUND_MAIL_PAGE_TEXTS,
  PORTAL_REPORT_TEXTS,
  KNOWLEDGE_PAGE_TEXTS,
  { errors: MAIL_ERROR_TEXTS },
]);

/** The admin UI and the consumer portal: server-rendered pages, one folder per part. */
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    CatalogueModule,
    ConsumersModule,
    KnowledgeModule,
    IncidentsModule,
    ChangeRequestsModule,
    NoticesModule,
    NotificationsModule,
    SupportModule,
    DemoModule,
    MailAdminModule,
    SecurityViewsModule,
    EventsAdminModule,
    InboundMailModule,
  ],
  controllers: [
    HomeController,
    SearchPagesController,
    NotificationPagesController,
    LiveController,
    DashboardPagesController,
    AuthPagesController,
    SetupPagesController,
    StaffPagesController,
    StaffGroupPagesController,
    TokenPagesController,
    AuditPagesController,
    MailPagesController,
    EventsPagesController,
    InboundMailPagesController,
    // Literal paths (incidents/reports/new) before the ones with an :id.
    StaffReportPagesController,
    IncidentPagesController,
    IncidentActionsController,
    ProposalActionsController,
    SecurityCasePagesController,
    PersonalDataPagesController,
    PortalReportPagesController,
    KnowledgePagesController,
    HelpPagesController,
    ConsumerPagesController,
    // After the register's own paths (consumers/import), which its consumers/:id would also match.
    ConsumerTabActionsController,
    OnboardingPagesController,
    PortalPagesController,
    CataloguePagesController,
    CatalogueDraftController,
    ChangeRequestPagesController,
    PortalChangeRequestPagesController,
    NoticePagesController,
    FeedPagesController,
    AcknowledgementPagesController,
    PortalNoticePagesController,
    // Literal paths (tickets/new, tickets/bulk) before the ones with an :id.
    TicketActionsController,
    TicketPagesController,
    PortalTicketPagesController,
    CannedResponsePagesController,
  ],
  providers: [
    { provide: NAV_SECTIONS, useValue: SECTIONS },
    { provide: ERROR_TEXTS, useValue: ERRORS },
    ...SEARCH_SOURCE_TYPES,
    { provide: SEARCH_SOURCES, useFactory: (...sources: unknown[]) => sources, inject: SEARCH_SOURCE_TYPES },
    SearchPage,
    ...LIVE_LIST_TYPES,
    { provide: LIVE_LISTS, useFactory: (...lists: unknown[]) => lists, inject: LIVE_LIST_TYPES },
    LiveFeed,
    PageContext,
    PageContextInterceptor,
    PageFormInterceptor,
    PageFormErrorFilter,
    HomePage,
    DashboardPage,
    QueuePage,
    IncidentPage,
    SecurityCasePage,
    ProposalDecisionPage,
    ReportCheck,
    PortalReportPage,
    PortalReportFormPage,
    StaffReportFormPage,
    NewConsumerPage,
    ImportConsumersPage,
    ConsumerTabPage,
    PortalLoginPage,
    NewVersionPage,
    DraftEditorPage,
    SignInPage,
    SetPasswordPage,
    SetupPage,
    StaffUsersPage,
    StaffGroupsPage,
    ApiTokensPage,
    BoardPage,
    StaffRequestPage,
    PortalRequestPage,
    PortalSubmitPage,
    NewNoticePage,
    NoticePage,
    FeedsPage,
    AcknowledgementPage,
    PortalNoticesPage,
    TicketListPage,
    StaffTicketPage,
    NewTicketPage,
    CannedResponsesPage,
    PortalTicketPage,
    PortalAskPage,
    KnowledgeNames,
    KnowledgeListPage,
    ArticleEditorPage,
    ArticlePage,
    HelpPages,
  ],
  exports: [PageContext],
})
export class UiModule {}
