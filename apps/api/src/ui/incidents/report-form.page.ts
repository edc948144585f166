import { FindServicesInForce } from '@domain/catalogue';
import { GetConsumer, SearchConsumers } from '@domain/consumers';
import { ConversationQueries, IncidentQueries, KnownIncidents, MASKING_NOTICE } from '@domain/incidents';
import { RecordDeflection, SuggestArticles } from '@domain/knowledge';
import { type ConsumerPrincipal, findNationalIdentityNumbers } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormFailure, FormPage } from '../shared/page-form';
import {
  PORTAL_REPORT_DONE_TEXTS,
  PORTAL_REPORT_FORM_TEXTS,
  PORTAL_REPORT_TEXTS,
  REPORT_FORM_TEXTS,
  STAFF_REPORT_FIELDS,
  STAFF_REPORT_FORM_TEXTS,
} from './incidents.texts.nb';
import { type ReportForm, reportInput, STAFF_CHANNELS } from './report.forms';
import { consumerReportViewModel, portalConversationViewModel } from './report.view-model';
import { checkViewModel, FormValues, type KnownIncidentReader, reportFieldsViewModel } from './report-form.view-model';

type Shown = { error?: string; fieldErrors?: FormFailure['fieldErrors'] } & Record<string, unknown>;

/** What the form keeps after a failure; a reused key means it was sent before with other content: start a fresh submission. */
function valuesAfter(failure: FormFailure): FormValues {
  const values: FormValues = { ...failure.body };
  if (failure.code === 'idempotency_key_reused') delete values.submissionId;
  return values;
}

const shown = (failure: FormFailure): Shown => ({ error: failure.error, fieldErrors: failure.fieldErrors });

/**
 * The check step both forms share: knowledge-base answers that fit, a warning about identity
 * numbers, and the problem KS already knows of on the service (with where "Vi er også berørt" posts).
 * In the portal each answer shown is counted once per form (its submission id), for the deflection rate.
 */
@Injectable()
export class ReportCheck {
  constructor(
    private readonly suggestions: SuggestArticles,
    private readonly known: KnownIncidents,
    private readonly deflections: RecordDeflection,
  ) {}

  /** `countShown`: the portal counts the answers it shows; `reader`: who reads the known-problem box. */
  async of(
    form: ReportForm,
    consumerId: string | undefined,
    joinAction: string,
    { countShown = false, reader = 'municipality' }: { countShown?: boolean; reader?: KnownIncidentReader } = {},
  ) {
    const input = reportInput(form, {});
    const articles = await this.suggestions.forReport({
      title: form.title,
      description: form.description,
      errorCode: form.errorCode,
      httpStatus: form.httpStatus,
    });
    if (countShown && consumerId && form.submissionId)
      await this.deflections.shown(
        articles.map((a) => a.id),
        form.submissionId,
        'report',
        consumerId,
      );
    const identityNumber = [form.title, form.description, form.errorCode, form.correlationId, form.vendorInvolved].some(
      (text) => !!text && findNationalIdentityNumbers(text).length > 0,
    );
    const known = consumerId ? await this.known.forReport(consumerId, input) : null;
    return checkViewModel(articles, identityNumber, known, joinAction, reader);
  }
}

/** The portal's report form for a consumer's own services. */
@Injectable()
export class PortalReportFormPage implements FormPage {
  readonly view = 'portal-reports/new';
  readonly audience = 'consumer';
  readonly texts = PORTAL_REPORT_FORM_TEXTS;

  constructor(
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: GetConsumer,
  ) {}

  /** Its own services in the catalogue in force, or every one when it has none registered. */
  private async services(me: ConsumerPrincipal) {
    const inForce = await this.catalogue.allCodes();
    const own = ((await this.consumers.detail(me.consumerId))?.services ?? []).map((s) => s.code).filter((c) => inForce.includes(c));
    const codes = own.length ? own : inForce;
    const names = new Map((await this.catalogue.execute(codes)).map((s) => [s.code, s.name]));
    return codes.map((code) => ({ code, name: names.get(code) || code }));
  }

  async load(me: ConsumerPrincipal, values: FormValues, extra: Shown = {}) {
    return {
      title: REPORT_FORM_TEXTS.portalTitle,
      layout: 'portal',
      ...reportFieldsViewModel(await this.services(me), values, extra.fieldErrors),
      ...extra,
    };
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as ConsumerPrincipal, valuesAfter(failure), shown(failure));
  }
}

/** The form KS staff fill in for a consumer who phoned or wrote. */
@Injectable()
export class StaffReportFormPage implements FormPage {
  readonly view = 'incidents/new-report';
  readonly audience = 'staff';
  readonly texts = STAFF_REPORT_FORM_TEXTS;

  constructor(
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: SearchConsumers,
  ) {}

  /** Every service in force: the caller's consumer is chosen in the same form, and intake checks the service. */
  private async services() {
    const codes = await this.catalogue.allCodes();
    const names = new Map((await this.catalogue.execute(codes)).map((s) => [s.code, s.name]));
    return codes.map((code) => ({ code, name: names.get(code) || code }));
  }

  async load(values: FormValues, extra: Shown = {}) {
    // Sorted by name; a few hundred municipalities fit one list.
    const { items } = await this.consumers.execute({ limit: 500 });
    const channel = typeof values.channel === 'string' && values.channel ? values.channel : 'phone';
    return {
      title: REPORT_FORM_TEXTS.staffTitle,
      ...reportFieldsViewModel(await this.services(), values, extra.fieldErrors, STAFF_REPORT_FIELDS),
      consumerOptions: items.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})`, selected: c.id === values.consumerId })),
      channelOptions: STAFF_CHANNELS.map((c) => ({ value: c, label: REPORT_FORM_TEXTS.staffChannels[c], checked: c === channel })),
      ...extra,
    };
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(valuesAfter(failure), shown(failure));
  }
}

/** One of the organisation's reports in the portal, with the known problem its incident is, when it is one. */
@Injectable()
export class PortalReportPage implements FormPage {
  readonly view = 'portal-reports/report';
  readonly audience = 'consumer';
  readonly texts = PORTAL_REPORT_TEXTS;

  constructor(
    private readonly queries: IncidentQueries,
    private readonly known: KnownIncidents,
    private readonly conversations: ConversationQueries,
  ) {}

  async load(me: ConsumerPrincipal, id: string, shown: { received: boolean; joined?: string; done?: string }, failure?: FormFailure) {
    const report = await this.queries.report(id, me);
    const known = report.incidentId ? await this.known.view(report.incidentId, me.consumerId) : null;
    return {
      ...consumerReportViewModel(report, shown.received, MASKING_NOTICE, known, shown.joined),
      conversation: portalConversationViewModel(await this.conversations.ofReport(me, id), failure),
      done: PORTAL_REPORT_DONE_TEXTS[shown.done ?? ''],
    };
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as ConsumerPrincipal, failure.params.id ?? '', { received: false }, failure);
  }
}
