import { FindServicesInForce } from '@domain/catalogue';
import type { IncidentEvent } from '@domain/incidents';
import type { ReportCategory, ReportChannel } from '@domain/incidents';
import { CorrectGrouping } from '@domain/incidents';
import { EscalateIncident } from '@domain/incidents';
import { INCIDENT_SIDES, INCIDENT_STATUSES, type IncidentSide, type IncidentStatus, SEVERITIES, type Severity } from '@domain/incidents';
import { IncidentQueries, type IncidentSummary, OPEN_STATUSES, type QueueFilter } from '@domain/incidents';
import { PreviewEscalation } from '@domain/incidents';
import { ResolveIncident } from '@domain/incidents';
import { RevealPersonalData } from '@domain/incidents';
import { SendDueEscalations } from '@domain/incidents';
import { TriageIncident } from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import { type Actor, type Environment, type StaffPrincipal } from '@domain/shared';
import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Header,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, FieldError, ValidationFailed } from '@platform/errors';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { AuthenticatedRequest, CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { ProblemFilter } from '../../http/problem.filter';
import { HTTP_STATUS_OF } from '../../http/problem.filter';
import { renderErrorPage, uiContext, UiContextInterceptor } from '../ui-context.interceptor';

type FormBody = Record<string, string | string[] | undefined>;

const WRITERS = ['admin', 'agent', 'security'] as const;

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'Ny',
  triaged: 'Vurdert',
  escalated: 'Eskalert',
  resolved: 'Løst',
  closed: 'Lukket',
};
const STATUS_COLORS: Record<IncidentStatus, string> = {
  new: 'warning',
  triaged: 'info',
  escalated: 'danger',
  resolved: 'success',
  closed: 'neutral',
};
const SIDE_LABELS: Record<IncidentSide, string> = {
  undetermined: 'Uavklart',
  local: 'Lokal (hos konsumenten)',
  ske: 'Skatteetaten',
  security: 'Sikkerhet/personvern',
};
const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Kritisk', high: 'Høy', medium: 'Middels', low: 'Lav' };
const SEVERITY_COLORS: Record<Severity, string> = { critical: 'danger', high: 'warning', medium: 'info', low: 'neutral' };
export const ENVIRONMENT_LABELS: Record<string, string> = { production: 'Produksjon', test: 'Test' };
const CATEGORY_LABELS: Record<ReportCategory, string> = {
  incident: 'Feil',
  deviation: 'Avvik i data',
  security: 'Sikkerhetshendelse',
  privacy: 'Personvernavvik',
};
const CHANNEL_LABELS: Record<ReportChannel, string> = {
  api: 'API',
  form: 'Skjema',
  staff: 'Registrert av KS',
  email: 'E-post',
  phone: 'Telefon',
  import: 'Import',
};
const CONFIDENCE_LABELS: Record<string, string> = { certain: 'sikker', likely: 'sannsynlig', new: 'ny hendelse' };
const PROPOSAL_STATUS_LABELS: Record<string, string> = { proposed: 'Foreslått', accepted: 'Slått sammen', rejected: 'Avvist' };

/** Norwegian texts for the domain's error codes; the domain's own messages are for API clients. */
const ERROR_TEXTS: Record<string, string> = {
  incident_not_found: 'Fant ingen hendelse med den referansen.',
  report_not_found: 'Fant ikke meldingen.',
  already_merged: 'Hendelsene er allerede slått sammen.',
  track_mismatch: 'Sikkerhets- og personvernhendelser kan ikke slås sammen med vanlige hendelser.',
  split_all: 'Du kan ikke skille ut alle meldingene, for da blir hendelsen tom. Flytt dem i stedet.',
  environment_mismatch: 'Meldingen og hendelsen er fra forskjellige miljøer (produksjon og test).',
  incident_resolved: 'Hendelsen er allerede løst og kan ikke endres.',
  no_escalation_address: 'Bilag 2 har ingen eskaleringsadresse for tjenestene i hendelsen. Legg inn adressen i katalogen før du eskalerer.',
  no_personal_data: 'Meldingen har ingen lagrede originalopplysninger.',
};

const FIELD_TEXTS: Record<string, { label: string; message: string }> = {
  message: {
    label: 'Melding til konsumentene',
    message: 'Skriv hva som var galt og hva som er gjort, eller velg et svar fra kunnskapsbasen.',
  },
  reportIds: { label: 'Meldinger', message: 'Kryss av for minst én melding i denne hendelsen.' },
  reason: { label: 'Begrunnelse', message: 'Skriv hvorfor du trenger originalteksten (3–500 tegn).' },
  target: { label: 'Hendelse', message: 'Skriv referansen til en hendelse, for eksempel KS-2025-0042.' },
  other: { label: 'Hendelse', message: 'Skriv referansen til en hendelse, for eksempel KS-2025-0042.' },
  title: { label: 'Tittel', message: 'Tittelen kan ha høyst 200 tegn.' },
};

function norwegianError(e: DomainException): { error: string; fieldErrors: FieldError[] } {
  if (e.kind === 'validation') {
    return {
      error: 'Skjemaet er ikke fylt ut riktig.',
      fieldErrors: e.fields.map((f) =>
        FIELD_TEXTS[f.field] ? { field: FIELD_TEXTS[f.field].label, message: FIELD_TEXTS[f.field].message } : f,
      ),
    };
  }
  return { error: ERROR_TEXTS[e.code] ?? e.message, fieldErrors: [] };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const list = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String).filter(Boolean));
const pick = <T extends string>(values: string[], allowed: readonly T[]): T[] =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

// --- view models -------------------------------------------------------------------------------

function summaryRow(s: IncidentSummary) {
  const severity = s.severity ?? s.suggestedSeverity;
  return {
    ...s,
    statusLabel: STATUS_LABELS[s.status as IncidentStatus] ?? s.status,
    statusColor: STATUS_COLORS[s.status as IncidentStatus] ?? 'neutral',
    sideLabel: SIDE_LABELS[s.side as IncidentSide] ?? s.side,
    environmentLabel: ENVIRONMENT_LABELS[s.environment] ?? s.environment,
    severityLabel: SEVERITY_LABELS[severity],
    severityColor: SEVERITY_COLORS[severity],
    severitySuggested: !s.severity,
    open: OPEN_STATUSES.includes(s.status as IncidentStatus),
  };
}

export interface QueueQuery {
  status?: string;
  side?: string;
  service?: string;
  environment?: string;
  severity?: string;
  q?: string;
}

/** The queue's filter form as a query: open incidents unless another status is chosen. */
function queueFilter(q: QueueQuery): QueueFilter {
  const status =
    !q.status || q.status === 'open' ? OPEN_STATUSES : q.status === 'all' ? undefined : pick(q.status.split(','), INCIDENT_STATUSES);
  return {
    status,
    side: pick([q.side ?? ''], INCIDENT_SIDES)[0],
    service: q.service?.trim() || undefined,
    environment: pick([q.environment ?? ''], ['production', 'test'] as const)[0],
    impact: pick((q.severity ?? '').split(','), SEVERITIES),
    q: q.q?.trim().slice(0, 100) || undefined,
    limit: 500,
  };
}

const options = (pairs: Array<[string, string]>, selected: string | undefined) =>
  pairs.map(([value, label]) => ({ value, label, selected: value === (selected ?? '') }));

function proposalRow(p: Awaited<ReturnType<IncidentQueries['proposalViews']>>[number], current?: string) {
  const other = p.survivor?.id === current ? p.merged : p.survivor;
  return {
    ...p,
    scoreText: p.score.toFixed(2),
    statusLabel: PROPOSAL_STATUS_LABELS[p.status] ?? p.status,
    open: p.status === 'proposed',
    other,
  };
}

interface FormFailure {
  form: string;
  reportId?: string;
  proposalId?: string;
  body: FormBody;
  error: string;
  fieldErrors: FieldError[];
}

async function queueModel(queries: IncidentQueries, catalogue: FindServicesInForce, q: QueueQuery, failure?: FormFailure) {
  const [incidents, proposals, services] = [await queries.queue(queueFilter(q)), await queries.proposalViews(), await catalogue.allCodes()];
  return {
    title: 'Hendelser',
    incidents: incidents.map(summaryRow),
    proposals: proposals.map((p) => ({ ...proposalRow(p), failed: failure?.proposalId === p.id ? failure : undefined })),
    failure: failure && !proposals.some((p) => p.id === failure.proposalId) ? failure : undefined,
    filter: q,
    filtered: Object.values(q).some(Boolean),
    statusOptions: options(
      [['open', 'Åpne (ny, vurdert, eskalert)'], ['all', 'Alle'], ...INCIDENT_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])],
      q.status || 'open',
    ),
    sideOptions: options([['', 'Alle'], ...INCIDENT_SIDES.map((s): [string, string] => [s, SIDE_LABELS[s]])], q.side),
    serviceOptions: options([['', 'Alle'], ...services.map((s): [string, string] => [s, s])], q.service),
    environmentOptions: options(
      [
        ['', 'Alle'],
        ['production', 'Produksjon'],
        ['test', 'Test'],
      ],
      q.environment,
    ),
    severityOptions: options(
      [['', 'Alle'], ['critical,high', 'Kritisk eller høy'], ...SEVERITIES.map((s): [string, string] => [s, SEVERITY_LABELS[s]])],
      q.severity,
    ),
  };
}

function eventText(e: IncidentEvent): { text: string; link?: { href: string; text: string } } {
  const d = e.details as Record<string, unknown>;
  const refs = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
  const reasons = Array.isArray(d.reasons) && d.reasons.length ? `: ${d.reasons.join('; ')}` : '';
  switch (e.kind) {
    case 'opened':
      return { text: d.splitFrom ? `Opprettet ved utskilling fra ${String(d.splitFrom)} (${refs(d.reports)})` : `Opprettet${reasons}` };
    case 'report_received':
      return {
        text: `Melding ${String(d.report)} mottatt (${CHANNEL_LABELS[d.channel as ReportChannel] ?? String(d.channel)}), ${d.action === 'attach' ? 'koblet til hendelsen' : 'åpnet hendelsen'}${typeof d.score === 'number' ? `, score ${d.score.toFixed(2)}` : ''}`,
      };
    case 'triaged': {
      const parts = [
        d.side ? `side ${SIDE_LABELS[d.side as IncidentSide] ?? String(d.side)}` : '',
        'severity' in d ? `alvorlighet ${d.severity ? SEVERITY_LABELS[d.severity as Severity] : 'ikke satt'}` : '',
        d.title ? `tittel «${String(d.title)}»` : '',
        'skeCaseReference' in d ? `Skatteetatens saksnummer ${String(d.skeCaseReference ?? '—')}` : '',
      ].filter(Boolean);
      return { text: `Vurdert${parts.length ? `: ${parts.join(', ')}` : ''}` };
    }
    case 'escalated':
      return { text: `Eskalert til ${refs(d.to)}${d.security ? ' (sikkerhetskanalen)' : ''}` };
    case 'escalation_sent':
      return { text: `Første e-post til Skatteetaten lagt i utboksen (${refs(d.to)})` };
    case 'escalation_cancelled':
      return { text: 'Ventende eskalering avlyst fordi hendelsen ble løst før e-posten gikk ut' };
    case 'escalation_folded':
      return { text: `Ventende eskalering av ${String(d.from)} slått inn i denne trådens eskalering; ingen egen tråd sendes` };
    case 'follow_up_sent':
      return { text: `Oppfølging sendt i tråden til Skatteetaten (${String(d.newReports ?? 0)} nye meldinger)` };
    case 'resolved':
      return { text: `Løst${d.side === 'local' ? ' lokalt (førstelinjesvar)' : ''}; ${String(d.notified ?? 0)} adresser varslet` };
    case 'split':
      return { text: `${refs(d.reports)} skilt ut til ${String(d.into)}` };
    case 'report_moved_out':
      return { text: `Melding ${String(d.report)} flyttet til ${String(d.to)}` };
    case 'report_moved_in':
      return { text: `Melding ${String(d.report)} flyttet hit fra ${String(d.from)}` };
    case 'merged_in':
      return {
        text: `${String(d.from)} slått sammen med denne (${String(d.reports ?? 0)} meldinger, ${d.how === 'auto' ? 'automatisk' : 'av saksbehandler'})${reasons}`,
        link: d.fromId ? { href: `/incidents/${String(d.fromId)}`, text: String(d.from) } : undefined,
      };
    case 'merged_into':
      return {
        text: `Slått sammen inn i ${String(d.into)} (${d.how === 'auto' ? 'automatisk' : 'av saksbehandler'})${reasons}`,
        link: d.intoId ? { href: `/incidents/${String(d.intoId)}`, text: String(d.into) } : undefined,
      };
    default:
      return { text: e.kind };
  }
}

interface IncidentPageDeps {
  queries: IncidentQueries;
  articles: SuggestArticles;
}

async function incidentModel({ queries, articles }: IncidentPageDeps, id: string, failure?: FormFailure) {
  const incident = await queries.incidentDetail(id);
  const [proposals, articleList, neighbours] = [
    await queries.proposalViews(incident.id),
    await articles.list(),
    await queries.openIncidentChoices(incident.environment as Environment),
  ];
  const failed = (form: string, reportId?: string) =>
    failure && failure.form === form && failure.reportId === reportId ? failure : undefined;
  const shownAtItsForm =
    !!failure &&
    (failure.proposalId
      ? proposals.some((p) => p.id === failure.proposalId)
      : failure.reportId
        ? incident.reports.some((r) => r.id === failure.reportId)
        : ['triage', 'resolve', 'merge', 'split', 'escalate'].includes(failure.form));
  const triage = failed('triage');
  const resolve = failed('resolve');
  const triageValues = triage
    ? {
        side: text(triage.body.side),
        severity: text(triage.body.severity),
        title: text(triage.body.title),
        skeCaseReference: text(triage.body.skeCaseReference),
      }
    : { side: incident.side, severity: incident.severity ?? '', title: incident.title, skeCaseReference: incident.skeCaseReference ?? '' };
  return {
    title: `${incident.reference} ${incident.title}`,
    incident: summaryRow(incident),
    consumers: incident.consumers,
    reports: incident.reports.map((r) => ({
      ...r,
      categoryLabel: CATEGORY_LABELS[r.category],
      channelLabel: CHANNEL_LABELS[r.channel] ?? r.channel,
      environmentLabel: ENVIRONMENT_LABELS[r.environment] ?? r.environment,
      match: {
        ...r.match,
        actionLabel: r.match.action === 'attach' ? 'Koblet til hendelse' : 'Åpnet ny hendelse',
        scoreText: r.match.score.toFixed(2),
        confidenceLabel: CONFIDENCE_LABELS[r.match.confidence] ?? r.match.confidence,
        manual: r.match.by === 'manual',
        runnerUp: r.match.runnerUp ? { ...r.match.runnerUp, scoreText: r.match.runnerUp.score.toFixed(2) } : null,
      },
      move: failed('move', r.id),
      reveal: failed('reveal', r.id),
    })),
    events: incident.events.map((e) => ({ at: e.at, actorLabel: e.actorLabel, ...eventText(e) })),
    proposals: proposals.map((p) => ({ ...proposalRow(p, incident.id), failed: failure?.proposalId === p.id ? failure : undefined })),
    neighbours: neighbours.filter((n) => n.id !== incident.id).map((n) => ({ reference: n.reference, title: n.title })),
    articles: articleList.map((a) => ({
      id: a.id,
      title: a.title,
      answer: a.answer,
      selected: resolve ? text(resolve.body.articleId) === a.id : false,
    })),
    sideOptions: INCIDENT_SIDES.map((s) => ({ value: s, label: SIDE_LABELS[s], selected: triageValues.side === s })),
    severityOptions: [
      { value: '', label: `Ikke satt (foreslått: ${SEVERITY_LABELS[incident.suggestedSeverity]})`, selected: !triageValues.severity },
      ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s], selected: triageValues.severity === s })),
    ],
    triage: { ...triageValues, failure: triage },
    resolve: { message: resolve ? text(resolve.body.message) : '', local: resolve ? !!resolve.body.local : false, failure: resolve },
    merge: { other: text(failed('merge')?.body.other), failure: failed('merge') },
    split: { failure: failed('split'), selected: list(failed('split')?.body.reportIds) },
    escalate: { failure: failed('escalate') },
    failure: shownAtItsForm ? undefined : failure,
  };
}

// --- errors on incident forms ------------------------------------------------------------------

/**
 * A staff member's failed action on the queue or an incident page re-renders that page with the
 * message beside the form used and the values entered. Anything else (no session, wrong role,
 * an incident that does not exist) is answered as everywhere else.
 */
@Injectable()
@Catch(DomainException)
class IncidentFormErrorFilter implements ExceptionFilter {
  private readonly fallback = new ProblemFilter(renderErrorPage);

  constructor(
    private readonly queries: IncidentQueries,
    private readonly articles: SuggestArticles,
    private readonly catalogue: FindServicesInForce,
  ) {}

  async catch(exception: DomainException, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    // Only mistakes a person can correct in the form are shown beside it.
    const status = ['validation', 'not-found', 'conflict', 'unprocessable'].includes(exception.kind)
      ? HTTP_STATUS_OF[exception.kind]
      : undefined;
    if (req.principal?.kind !== 'staff' || !status) return this.fallback.catch(exception, host);
    const body = (req.body ?? {}) as FormBody;
    const params = req.params as Record<string, string | undefined>;
    const failure: FormFailure = {
      form: req.path.split('/').pop() ?? '',
      reportId: params.reportId,
      proposalId: params.proposalId,
      body,
      ...norwegianError(exception),
    };
    // A proposal that is gone surfaces as a missing incident from the domain.
    if (params.proposalId && exception.code === 'incident_not_found') failure.error = 'Fant ikke forslaget, eller en av hendelsene i det.';
    try {
      const incidentId = params.id ?? text(body.incidentId);
      const model = incidentId
        ? await incidentModel({ queries: this.queries, articles: this.articles }, incidentId, failure)
        : await queueModel(this.queries, this.catalogue, {}, failure);
      res.status(status).render(incidentId ? 'incidents/incident' : 'incidents/queue', { ...uiContext(req, res), ...model });
    } catch {
      this.fallback.catch(exception, host);
    }
  }
}

const DONE_TEXTS: Record<string, string> = {
  triaged: 'Vurderingen er lagret.',
  escalated:
    'Hendelsen er eskalert til Skatteetaten. Den første e-posten venter et kort øyeblikk, så meldinger om samme problem havner i samme tråd. Du kan sende den med en gang.',
  sent: 'Den første e-posten til Skatteetaten er lagt i utboksen og sendes i løpet av noen sekunder.',
  already: 'Hendelsen var allerede eskalert. Ingen ny e-post er sendt.',
  joined: 'Hendelsen var samme problem som en allerede eskalert hendelse og er slått sammen med den. Ingen ny tråd er startet.',
  resolved: 'Hendelsen er løst, og de berørte konsumentene får beskjed.',
  merged: 'Hendelsene er slått sammen.',
  split: 'Meldingene er skilt ut i denne nye hendelsen.',
  moved: 'Meldingen er flyttet.',
  accepted: 'Forslaget er godtatt, og hendelsene er slått sammen.',
  rejected: 'Forslaget er avvist. Hendelsene holdes adskilt.',
};

@ApiExcludeController()
@Controller()
@UseInterceptors(UiContextInterceptor)
export class IncidentPagesController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly articles: SuggestArticles,
    private readonly catalogue: FindServicesInForce,
    private readonly preview: PreviewEscalation,
    private readonly escalation: EscalateIncident,
    private readonly dueEscalations: SendDueEscalations,
    private readonly triage: TriageIncident,
    private readonly resolution: ResolveIncident,
    private readonly grouping: CorrectGrouping,
    private readonly reveal: RevealPersonalData,
  ) {}

  @Get('incidents')
  @StaffPage()
  @Render('incidents/queue')
  async queue(@Query() q: Record<string, unknown>) {
    const query: QueueQuery = {
      status: text(q.status),
      side: text(q.side),
      service: text(q.service),
      environment: text(q.environment),
      severity: text(q.severity),
      q: text(q.q),
    };
    return { ...(await queueModel(this.queries, this.catalogue, query)), done: DONE_TEXTS[text(q.done)] };
  }

  @Post('incidents/proposals/:proposalId/accept')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async accept(
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.grouping.decideProposal(proposalId, true, actor);
    res.redirect(303, `${await this.backTo(body)}?done=accepted`);
  }

  @Post('incidents/proposals/:proposalId/reject')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async reject(
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.grouping.decideProposal(proposalId, false, actor);
    res.redirect(303, `${await this.backTo(body)}?done=rejected`);
  }

  /** A proposal decided on an incident page returns there (to the survivor after a merge); else to the queue. */
  private async backTo(body: FormBody): Promise<string> {
    return text(body.incidentId) ? `/incidents/${await this.queries.idOf(text(body.incidentId))}` : '/incidents';
  }

  @Get('incidents/:id')
  @StaffPage()
  @Render('incidents/incident')
  async incident(@Param('id', ParseUUIDPipe) id: string, @Query('done') done?: string, @Query('report') reportId?: string) {
    const model = await incidentModel({ queries: this.queries, articles: this.articles }, id);
    // The link names the report by id; its reference comes from the incident, never from the link.
    const registered = done === 'registered' ? model.reports.find((r) => r.id === reportId) : undefined;
    return {
      ...model,
      done: registered ? `Meldingen ${registered.reference} er registrert og ligger i denne hendelsen.` : DONE_TEXTS[done ?? ''],
    };
  }

  @Post('incidents/:id/triage')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async triageIncident(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    const severity = text(body.severity);
    const title = text(body.title).trim();
    if (title.length > 200) throw new ValidationFailed([{ field: 'title', message: 'must be at most 200 characters' }]);
    const incident = await this.triage.execute(
      id,
      {
        side: pick([text(body.side)], INCIDENT_SIDES)[0],
        severity: pick([severity], SEVERITIES)[0] ?? null,
        title: title || undefined,
        skeCaseReference: text(body.skeCaseReference).slice(0, 100),
      },
      actor,
    );
    res.redirect(303, `/incidents/${incident.id}?done=triaged`);
  }

  @Get('incidents/:id/escalate')
  @StaffPage()
  @UseFilters(IncidentFormErrorFilter)
  @Render('incidents/escalate')
  async escalationPreview(@Param('id', ParseUUIDPipe) id: string) {
    const incident = await this.queries.incident(id);
    return {
      title: `Eskaler ${incident.reference}`,
      incident: summaryRow(incident),
      escalation: incident.escalation,
      preview: incident.escalation ? null : await this.preview.execute(incident.id),
    };
  }

  /** The HTML part of the preview, shown in a sandboxed frame (its inline styles need their own CSP). */
  @Get('incidents/:id/escalate/preview.html')
  @StaffPage()
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
  @Header('Content-Type', 'text/html; charset=utf-8')
  async escalationPreviewHtml(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.preview.execute(id)).html;
  }

  @Post('incidents/:id/escalate')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async escalate(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const result = await this.escalation.execute(id, actor);
    res.redirect(
      303,
      `/incidents/${result.incidentId}?done=${result.mergedInto ? 'joined' : result.alreadyEscalated ? 'already' : 'escalated'}`,
    );
  }

  @Post('incidents/:id/escalate/send-now')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async sendEscalationNow(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const result = await this.dueEscalations.now(id, actor);
    res.redirect(303, `/incidents/${result.incidentId}?done=sent`);
  }

  /** Without JavaScript a chosen knowledge-base answer stands in for an empty message. */
  @Post('incidents/:id/resolve')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async resolve(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    const articleId = text(body.articleId);
    const canned =
      !text(body.message).trim() && articleId ? (await this.articles.list()).find((a) => a.id === articleId)?.answer : undefined;
    await this.resolution.execute(id, { message: canned ?? text(body.message), side: body.local ? 'local' : undefined }, actor);
    res.redirect(303, `/incidents/${id}?done=resolved`);
  }

  @Post('incidents/:id/merge')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async merge(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    if (!text(body.other).trim()) throw new ValidationFailed([{ field: 'other', message: 'is required' }]);
    const survivor = await this.grouping.merge(id, await this.queries.idOf(text(body.other)), actor);
    res.redirect(303, `/incidents/${survivor.id}?done=merged`);
  }

  @Post('incidents/:id/split')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async split(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    const created = await this.grouping.split(id, list(body.reportIds), actor);
    res.redirect(303, `/incidents/${created.id}?done=split`);
  }

  @Post('incidents/:id/reports/:reportId/move')
  @StaffPage(...WRITERS)
  @UseFilters(IncidentFormErrorFilter)
  async move(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    if (!text(body.target).trim()) throw new ValidationFailed([{ field: 'target', message: 'is required' }]);
    await this.grouping.move(reportId, await this.queries.idOf(text(body.target)), actor);
    res.redirect(303, `/incidents/${id}?done=moved`);
  }

  /** The security role's audited look at a masked report's original text; never cached. */
  @Post('incidents/:id/reports/:reportId/reveal')
  @StaffPage('security')
  @UseFilters(IncidentFormErrorFilter)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Render('incidents/reveal')
  async revealOriginal(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() body: FormBody,
    @CurrentStaff() me: StaffPrincipal,
    @CurrentActor() actor: Actor,
  ) {
    const reason = text(body.reason).trim();
    if (reason.length < 3 || reason.length > 500) throw new ValidationFailed([{ field: 'reason', message: 'must be 3–500 characters' }]);
    const originals = await this.reveal.execute(reportId, reason, actor);
    const report = await this.queries.report(reportId, me);
    const labels: Record<string, string> = {
      title: 'Tittel',
      description: 'Beskrivelse',
      errorCode: 'Feilkode',
      correlationId: 'Korrelasjons-ID',
      vendorInvolved: 'Leverandør',
      reporterName: 'Innmelder',
    };
    return {
      title: `Originaltekst for ${report.reference}`,
      incidentId: id,
      report,
      reason,
      fields: Object.entries(originals).map(([field, value]) => ({ label: labels[field] ?? field, value })),
    };
  }

  @Get('knowledge-base')
  @StaffPage()
  @Render('incidents/knowledge-base')
  async knowledgeBase() {
    return { title: 'Kunnskapsbase', articles: await this.articles.list(true) };
  }
}
