import { FindServicesInForce } from '@domain/catalogue';
import { OnboardingFunnel } from '@domain/consumers';
import { IncidentStatistics } from '@domain/incidents';
import { DeflectionStatistics } from '@domain/knowledge';
import { NoticeAcknowledgementRates } from '@domain/notices';
import { hasPermission, type Permission, type StaffPrincipal } from '@domain/shared';
import { TicketStatistics } from '@domain/support';
import { Injectable } from '@nestjs/common';

import { DASHBOARD_TEXTS } from './dashboards.texts.nb';
import {
  type ChartPanel,
  deflectionRatePanel,
  escalationsPanel,
  mostOpenPanel,
  noticesPanel,
  onboardingPanel,
  openIncidentsPanel,
  openTicketsPanel,
  reportsByCategoryPanel,
  reportsByServicePanel,
  slaCompliancePanel,
  ticketsByCategoryPanel,
  ticketsByServicePanel,
  topArticlesPanel,
} from './dashboards.view-model';

/** How many weeks the weekly charts cover, this one included. */
const WEEKS = 12;
/** How many municipalities the ranking names. */
const MOST_OPEN = 10;
/** How many articles the deflection ranking names. */
const TOP_ARTICLES = 10;
/** How many of the latest sent notices show their acknowledgements. */
const LATEST_NOTICES = 6;

/**
 * One panel of the dashboard: the permission its figures need (a role without it does not see
 * the panel) and how to read and show them. A new panel is its context's query use case and one
 * entry in the list below.
 */
interface PanelDefinition {
  permission: Permission;
  load(): Promise<ChartPanel>;
}

/** The staff dashboards: each panel's figures come from its own context's read-only query. */
@Injectable()
export class DashboardPage {
  private readonly panels: PanelDefinition[];

  constructor(
    incidents: IncidentStatistics,
    onboarding: OnboardingFunnel,
    notices: NoticeAcknowledgementRates,
    catalogue: FindServicesInForce,
    tickets: TicketStatistics,
    knowledge: DeflectionStatistics,
  ) {
    this.panels = [
      {
        permission: 'incident.read',
        async load() {
          const weekly = await incidents.reportsPerWeek('service', WEEKS);
          const services = await catalogue.execute(weekly.series.map((s) => s.key));
          return reportsByServicePanel(weekly, new Map(services.map((s) => [s.code, s.name])));
        },
      },
      { permission: 'incident.read', load: async () => reportsByCategoryPanel(await incidents.reportsPerWeek('category', WEEKS)) },
      { permission: 'incident.read', load: async () => openIncidentsPanel(await incidents.openIncidentsByAge()) },
      { permission: 'incident.read', load: async () => mostOpenPanel(await incidents.mostOpenIssues(MOST_OPEN)) },
      { permission: 'incident.read', load: async () => escalationsPanel(await incidents.escalationsPerWeek(WEEKS)) },
      { permission: 'ticket.read', load: async () => openTicketsPanel(await tickets.openTicketsByAge()) },
      { permission: 'ticket.read', load: async () => slaCompliancePanel(await tickets.slaCompliance(WEEKS)) },
      {
        permission: 'ticket.read',
        async load() {
          const weekly = await tickets.ticketsPerWeek('service', WEEKS);
          const services = await catalogue.execute(weekly.series.map((s) => s.key).filter((k) => k !== '-'));
          return ticketsByServicePanel(weekly, new Map(services.map((s) => [s.code, s.name])));
        },
      },
      { permission: 'ticket.read', load: async () => ticketsByCategoryPanel(await tickets.ticketsPerWeek('category', WEEKS)) },
      { permission: 'knowledge-article.read', load: async () => deflectionRatePanel(await knowledge.ratePerWeek(WEEKS)) },
      { permission: 'knowledge-article.read', load: async () => topArticlesPanel(await knowledge.topArticles(WEEKS, TOP_ARTICLES)) },
      { permission: 'onboarding.read', load: async () => onboardingPanel(await onboarding.execute()) },
      { permission: 'notice.read', load: async () => noticesPanel(await notices.execute(LATEST_NOTICES)) },
    ];
  }

  async load(me: StaffPrincipal) {
    const panels: ChartPanel[] = [];
    for (const p of this.panels.filter((d) => hasPermission(me, d.permission))) panels.push(await p.load());
    return { title: DASHBOARD_TEXTS.title, intro: DASHBOARD_TEXTS.intro(WEEKS), texts: DASHBOARD_TEXTS, panels };
  }
}
