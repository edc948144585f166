import { ListAuditEntries } from '@domain/audit';
import { AddConsumerContact } from '@domain/consumers';
import { AdvanceOnboarding } from '@domain/consumers';
import { CONSUMER_KINDS, CONSUMER_STATUSES, type ConsumerKind, type ConsumerStatus } from '@domain/consumers';
import { CONTACT_ROLES, type ContactRole } from '@domain/consumers';
import {
  type AgreementInput,
  CHECKLIST_KEYS,
  type ChecklistKey,
  type RegisterConsumerInput,
  type ServiceAccessInput,
} from '@domain/consumers';
import { CONNECTION_METHODS, type ConnectionMethod, ONBOARDING_STEPS, type OnboardingStep } from '@domain/consumers';
import { CreateConsumerApiKey, type CreatedApiKey } from '@domain/consumers';
import { GetConsumer } from '@domain/consumers';
import { GetOnboardingQueue } from '@domain/consumers';
import { ImportConsumers } from '@domain/consumers';
import { ListConsumerApiKeys } from '@domain/consumers';
import { ListExpiringAgreements } from '@domain/consumers';
import { RegisterConsumer } from '@domain/consumers';
import { RemoveConsumerContact } from '@domain/consumers';
import { RemoveServiceAccess } from '@domain/consumers';
import { ReorderOnboardingQueue } from '@domain/consumers';
import { RevokeConsumerApiKey } from '@domain/consumers';
import { SearchConsumers } from '@domain/consumers';
import { ServiceCatalogue } from '@domain/consumers';
import { SetConsumerAgreement } from '@domain/consumers';
import { SetServiceAccess } from '@domain/consumers';
import { UpdateConsumer } from '@domain/consumers';
import { UpdateConsumerContact } from '@domain/consumers';
import { UpdateOnboardingChecklist } from '@domain/consumers';
import { type Actor, type Environment, ENVIRONMENTS, type Principal } from '@domain/shared';
import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpCode,
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
import { DomainException } from '@platform/errors';
import type { Request, Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { UiContextInterceptor } from '../ui-context.interceptor';

const WRITERS = ['admin', 'agent', 'security'] as const;
const TABS = ['overview', 'contacts', 'agreement', 'services', 'onboarding', 'keys', 'history'] as const;
type Tab = (typeof TABS)[number];

export const CONSUMER_LABELS = {
  status: { applicant: 'Søker', active: 'Aktiv', suspended: 'Suspendert', terminated: 'Avsluttet' } satisfies Record<
    ConsumerStatus,
    string
  >,
  kind: { kommune: 'Kommune', fylkeskommune: 'Fylkeskommune', other: 'Annen' } satisfies Record<ConsumerKind, string>,
  role: { technical: 'Teknisk', professional: 'Faglig', security: 'Sikkerhet' } satisfies Record<ContactRole, string>,
  step: { requested: 'Bestilt', qualified: 'Kvalifisert', 'readiness-tested': 'Klartestet', connected: 'Påkoblet' } satisfies Record<
    OnboardingStep,
    string
  >,
  connection: { direct: 'Direkte', vendor: 'Via leverandør', fiks: 'Via KS Fiks' } satisfies Record<ConnectionMethod, string>,
  environment: { production: 'Produksjon', test: 'Test' } satisfies Record<Environment, string>,
  tab: {
    overview: 'Oversikt',
    contacts: 'Kontakter',
    agreement: 'Avtale',
    services: 'Tjenester',
    onboarding: 'Påkobling',
    keys: 'API-nøkler',
    history: 'Historikk',
  } satisfies Record<Tab, string>,
};

const STATUS_COLOR: Record<ConsumerStatus, string> = { applicant: 'info', active: 'success', suspended: 'warning', terminated: 'neutral' };
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
const FORM_OPTIONS = {
  labels: CONSUMER_LABELS,
  statusColor: STATUS_COLOR,
  statuses: options(CONSUMER_STATUSES, CONSUMER_LABELS.status),
  kinds: options(CONSUMER_KINDS, CONSUMER_LABELS.kind),
  roles: options(CONTACT_ROLES, CONSUMER_LABELS.role),
  steps: options(ONBOARDING_STEPS, CONSUMER_LABELS.step),
  connections: options(CONNECTION_METHODS, CONSUMER_LABELS.connection),
  environments: options(ENVIRONMENTS, CONSUMER_LABELS.environment),
};

type Form = Record<string, string | string[] | undefined>;

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
}

/** Form fields that may repeat arrive as a string when only one is sent. */
function list(v: unknown): string[] {
  return v === undefined || v === null || v === '' ? [] : (Array.isArray(v) ? v : [v]).map(String);
}

function nullable(v: unknown): string | null {
  return text(v) || null;
}

function registrationFromForm(b: Form): RegisterConsumerInput {
  const environments = list(b.environments) as Environment[];
  const contactEmail = text(b.contactEmail);
  return {
    orgNumber: text(b.orgNumber),
    name: text(b.name),
    kind: (text(b.kind) || undefined) as ConsumerKind | undefined,
    municipalityNumber: nullable(b.municipalityNumber),
    status: (text(b.status) || undefined) as ConsumerStatus | undefined,
    contacts: contactEmail
      ? [
          {
            name: text(b.contactName) || contactEmail,
            email: contactEmail,
            phone: nullable(b.contactPhone),
            role: (text(b.contactRole) || 'technical') as ContactRole,
          },
        ]
      : [],
    services: list(b.services).map((code) => ({ code, environments, legalBasis: nullable(b.legalBasis), purpose: nullable(b.purpose) })),
  };
}

function serviceAccessFromForm(b: Form): Omit<ServiceAccessInput, 'code'> {
  const vendorOrg = text(b.vendorOrgNumber);
  const vendorName = text(b.vendorName);
  return {
    environments: list(b.environments) as Environment[],
    legalBasis: nullable(b.legalBasis),
    lawReference: nullable(b.lawReference),
    purpose: nullable(b.purpose),
    serviceArea: nullable(b.serviceArea),
    entitlementPackage: nullable(b.entitlementPackage),
    connectionMethod: (text(b.connectionMethod) || null) as ConnectionMethod | null,
    vendor: vendorOrg || vendorName ? { orgNumber: vendorOrg, name: vendorName } : null,
    dataProcessingAgreementConfirmed: text(b.dataProcessingAgreementConfirmed) === 'true',
    altinnDelegationConfirmedAt: nullable(b.altinnDelegationConfirmedAt),
    maskinportenScope: nullable(b.maskinportenScope),
  };
}

function agreementFromForm(b: Form): AgreementInput {
  const sharing = list(b.termsSharing);
  const usage = list(b.termsUsage);
  return {
    signedOn: text(b.signedOn),
    signatoryName: text(b.signatoryName),
    signatoryTitle: nullable(b.signatoryTitle),
    validFrom: text(b.validFrom),
    validTo: nullable(b.validTo),
    documentReference: nullable(b.documentReference),
    acceptedTerms: list(b.termsService)
      .map((serviceCode, i) => ({
        serviceCode,
        sharingTermsVersion: sharing[i]?.trim() || null,
        usageTermsVersion: usage[i]?.trim() || null,
      }))
      .filter((t) => t.sharingTermsVersion || t.usageTermsVersion),
  };
}

function tabPath(id: string, tab: Tab): string {
  return `/consumers/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`;
}

/** A failed form on a consumer tab goes back to that tab with the message. */
@Catch(DomainException)
class BackToTabFilter implements ExceptionFilter {
  constructor(private readonly tab: Tab) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const fields = exception.fields.length ? ` (${exception.fields.map((f) => `${f.field}: ${f.message}`).join('; ')})` : '';
    const message = exception.kind === 'validation' ? `Ugyldige opplysninger${fields}.` : exception.message;
    res.redirect(303, `${tabPath(String(req.params.id), this.tab)}?error=${encodeURIComponent(message)}`);
  }
}

/** The use cases' field names (list indexes left out) as the new-consumer and import forms name them. */
const FORM_FIELD_LABELS: Record<string, string> = {
  orgNumber: 'Organisasjonsnummer',
  name: 'Navn',
  kind: 'Type',
  municipalityNumber: 'Kommunenummer',
  status: 'Status',
  'contacts.name': 'Kontaktperson, navn',
  'contacts.email': 'Kontaktperson, e-post',
  'contacts.phone': 'Kontaktperson, telefon',
  'contacts.role': 'Kontaktperson, rolle',
  'services.code': 'Tjenester',
  'services.environments': 'Miljøer for valgte tjenester',
  'services.legalBasis': 'Hjemmel',
  'services.purpose': 'Formål',
  csv: 'CSV-innhold',
};

const unindexed = (field: string) => field.replace(/\[\d+\]/g, '');

/** Re-renders a form with the message and what was entered; repeated fields stay lists. */
@Catch(DomainException)
class ConsumerFormFilter implements ExceptionFilter {
  constructor(
    private readonly view: string,
    private readonly data: Record<string, unknown>,
    private readonly listFields: string[] = [],
  ) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const res = host.switchToHttp().getResponse<Response>();
    const body = { ...(req.body as Form) };
    delete body._csrf;
    for (const f of this.listFields) body[f] = list(body[f]);
    const status = { validation: 400, conflict: 409, 'not-found': 404, unprocessable: 422 }[exception.kind as string] ?? 400;
    res.status(status).render(this.view, {
      ...this.data,
      form: body,
      // The list names each field as the form does; the exception's message would use the API's field names.
      error:
        exception.kind === 'validation' && exception.fields.length
          ? 'Skjemaet har feil. Rett feltene som er nevnt under.'
          : exception.message,
      fieldErrors: exception.fields.map((f) => ({ field: FORM_FIELD_LABELS[unindexed(f.field)] ?? f.field, message: f.message })),
      invalid: Object.fromEntries(exception.fields.map((f) => [unindexed(f.field), true])),
      me: req.principal,
      staff: req.principal?.kind === 'staff' ? req.principal : undefined,
      isAdmin: req.principal?.kind === 'staff' && req.principal.role === 'admin',
      canWrite: req.principal?.kind === 'staff' && req.principal.role !== 'viewer',
      csrfToken: req.principal?.csrfToken ?? res.locals.csrfToken,
      path: req.path,
    });
  }
}

const NEW_FORM = { title: 'Ny konsument', ...FORM_OPTIONS };
const IMPORT_PAGE = { title: 'Importer konsumenter' };

@ApiExcludeController()
@Controller()
@UseInterceptors(UiContextInterceptor)
export class ConsumerPagesController {
  constructor(
    private readonly search: SearchConsumers,
    private readonly expiring: ListExpiringAgreements,
    private readonly catalogue: ServiceCatalogue,
    private readonly register: RegisterConsumer,
    private readonly consumer: GetConsumer,
    private readonly update: UpdateConsumer,
    private readonly addContact: AddConsumerContact,
    private readonly updateContact: UpdateConsumerContact,
    private readonly removeContact: RemoveConsumerContact,
    private readonly setAgreement: SetConsumerAgreement,
    private readonly setAccess: SetServiceAccess,
    private readonly removeAccess: RemoveServiceAccess,
    private readonly checklist: UpdateOnboardingChecklist,
    private readonly advance: AdvanceOnboarding,
    private readonly queue: GetOnboardingQueue,
    private readonly reorder: ReorderOnboardingQueue,
    private readonly keys: ListConsumerApiKeys,
    private readonly createKey: CreateConsumerApiKey,
    private readonly revokeApiKey: RevokeConsumerApiKey,
    private readonly importer: ImportConsumers,
    private readonly audit: ListAuditEntries,
  ) {}

  @Get('consumers')
  @StaffPage()
  @Render('consumers/list')
  async list(@Query() q: { q?: string; status?: string; service?: string; step?: string; vendor?: string; offset?: string }) {
    const offset = Math.max(0, Number.parseInt(q.offset ?? '0', 10) || 0);
    const filter = {
      q: text(q.q) || undefined,
      status: (CONSUMER_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as ConsumerStatus) : undefined,
      service: text(q.service) || undefined,
      step: (ONBOARDING_STEPS as readonly string[]).includes(q.step ?? '') ? (q.step as OnboardingStep) : undefined,
      vendor: text(q.vendor) || undefined,
    };
    const [result, expiring, codes] = await Promise.all([
      this.search.execute({ ...filter, limit: 100, offset }),
      this.expiring.execute(60),
      this.catalogue.codes(),
    ]);
    const more = offset + result.items.length < result.total;
    const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
    return {
      title: 'Konsumenter',
      ...FORM_OPTIONS,
      result,
      expiring,
      serviceCodes: [...codes],
      filter,
      offset,
      nextOffset: more ? offset + 100 : null,
      nextQuery: params.toString(),
    };
  }

  @Get('consumers/new')
  @StaffPage(...WRITERS)
  @Render('consumers/new')
  async newForm() {
    return {
      ...NEW_FORM,
      form: {
        catalogueCodes: [...(await this.catalogue.codes())],
        environments: ['production', 'test'],
        contactRole: 'technical',
        services: [],
      },
    };
  }

  @Post('consumers')
  @StaffPage(...WRITERS)
  @UseFilters(new ConsumerFormFilter('consumers/new', NEW_FORM, ['services', 'environments', 'catalogueCodes']))
  async create(@Body() body: Form, @CurrentActor() actor: Actor, @Res() res: Response) {
    const created = await this.register.execute(registrationFromForm(body), actor);
    res.redirect(303, `${tabPath(created.id, 'overview')}?saved=1`);
  }

  @Get('consumers/import')
  @StaffPage(...WRITERS)
  @Render('consumers/import')
  importPage() {
    return { ...IMPORT_PAGE, form: {} };
  }

  @Post('consumers/import')
  @HttpCode(200)
  @StaffPage(...WRITERS)
  @Render('consumers/import')
  @UseFilters(new ConsumerFormFilter('consumers/import', IMPORT_PAGE))
  async preview(@Body() body: Form, @CurrentActor() actor: Actor) {
    return { ...IMPORT_PAGE, form: { csv: text(body.csv) }, preview: await this.importer.execute(text(body.csv), true, actor) };
  }

  @Post('consumers/import/commit')
  @HttpCode(200)
  @StaffPage(...WRITERS)
  @Render('consumers/import')
  @UseFilters(new ConsumerFormFilter('consumers/import', IMPORT_PAGE))
  async commit(@Body() body: Form, @CurrentActor() actor: Actor) {
    return { ...IMPORT_PAGE, form: {}, committed: await this.importer.execute(text(body.csv), false, actor) };
  }

  @Get('onboarding')
  @StaffPage()
  @Render('consumers/onboarding')
  async board() {
    return { title: 'Påkobling', ...FORM_OPTIONS, board: await this.queue.board() };
  }

  @Post('onboarding/:itemId/move')
  @StaffPage(...WRITERS)
  async move(@Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: Form, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.reorder.move(itemId, text(body.direction) as 'up' | 'down', actor);
    res.redirect(303, `/onboarding#item-${itemId}`);
  }

  @Get('consumers/:id')
  @StaffPage()
  @Render('consumers/show')
  overview(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() me: Principal) {
    return this.page(id, 'overview', me);
  }

  @Get('consumers/:id/:tab')
  @StaffPage()
  @Render('consumers/show')
  tab(@Param('id', ParseUUIDPipe) id: string, @Param('tab') tab: string, @CurrentPrincipal() me: Principal) {
    return this.page(id, (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'overview', me);
  }

  @Post('consumers/:id')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('overview'))
  async change(@Param('id', ParseUUIDPipe) id: string, @Body() b: Form, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.update.execute(
      id,
      {
        name: text(b.name),
        kind: text(b.kind) as ConsumerKind,
        municipalityNumber: nullable(b.municipalityNumber),
        status: text(b.status) as ConsumerStatus,
      },
      actor,
    );
    res.redirect(303, `${tabPath(id, 'overview')}?saved=1`);
  }

  @Post('consumers/:id/contacts')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('contacts'))
  async createContact(@Param('id', ParseUUIDPipe) id: string, @Body() b: Form, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.addContact.execute(
      id,
      { name: text(b.name), email: text(b.email), phone: nullable(b.phone), role: text(b.role) as ContactRole },
      actor,
    );
    res.redirect(303, `${tabPath(id, 'contacts')}?saved=1`);
  }

  @Post('consumers/:id/contacts/:contactId')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('contacts'))
  async changeContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Body() b: Form,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.updateContact.execute(
      id,
      contactId,
      { name: text(b.name), email: text(b.email), phone: nullable(b.phone), role: text(b.role) as ContactRole },
      actor,
    );
    res.redirect(303, `${tabPath(id, 'contacts')}?saved=1`);
  }

  @Post('consumers/:id/contacts/:contactId/delete')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('contacts'))
  async deleteContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.removeContact.execute(id, contactId, actor);
    res.redirect(303, `${tabPath(id, 'contacts')}?saved=1`);
  }

  @Post('consumers/:id/agreement')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('agreement'))
  async agreement(@Param('id', ParseUUIDPipe) id: string, @Body() b: Form, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.setAgreement.execute(id, agreementFromForm(b), actor);
    res.redirect(303, `${tabPath(id, 'agreement')}?saved=1`);
  }

  @Post('consumers/:id/services')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('services'))
  async service(@Param('id', ParseUUIDPipe) id: string, @Body() b: Form, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.setAccess.execute(id, text(b.code), serviceAccessFromForm(b), actor);
    res.redirect(303, `${tabPath(id, 'services')}?saved=1`);
  }

  @Post('consumers/:id/services/:code/delete')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('services'))
  async deleteService(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.removeAccess.execute(id, code, actor);
    res.redirect(303, `${tabPath(id, 'services')}?saved=1`);
  }

  @Post('consumers/:id/onboarding/:code/checklist')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('onboarding'))
  async tick(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() b: Form,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const shown = list(b.items).filter((k): k is ChecklistKey => CHECKLIST_KEYS.includes(k as ChecklistKey));
    await this.checklist.execute(id, code, Object.fromEntries(shown.map((k) => [k, text(b[k]) === 'true'])), actor);
    res.redirect(303, `${tabPath(id, 'onboarding')}?saved=1#service-${encodeURIComponent(code)}`);
  }

  @Post('consumers/:id/onboarding/:code/advance')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('onboarding'))
  async advanceStep(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() b: Form,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.advance.execute(id, code, text(b.to) as OnboardingStep, nullable(b.note), actor);
    res.redirect(303, `${tabPath(id, 'onboarding')}?saved=1#service-${encodeURIComponent(code)}`);
  }

  /** The new key is shown on the page once, never put in a URL. */
  @Post('consumers/:id/api-keys')
  @HttpCode(200)
  @StaffPage(...WRITERS)
  @Render('consumers/show')
  @UseFilters(new BackToTabFilter('keys'))
  async addKey(@Param('id', ParseUUIDPipe) id: string, @Body() b: Form, @CurrentActor() actor: Actor, @CurrentPrincipal() me: Principal) {
    const created = await this.createKey.execute(id, nullable(b.name), actor);
    return this.page(id, 'keys', me, created);
  }

  @Post('consumers/:id/api-keys/:keyId/revoke')
  @StaffPage(...WRITERS)
  @UseFilters(new BackToTabFilter('keys'))
  async revokeKey(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.revokeApiKey.execute(id, keyId, actor);
    res.redirect(303, `${tabPath(id, 'keys')}?saved=1`);
  }

  private async page(id: string, tab: Tab, me: Principal, createdKey?: CreatedApiKey) {
    const consumer = await this.consumer.execute(id, me);
    const extra: Record<string, unknown> = {};
    if (tab === 'services' || tab === 'agreement') {
      const have = new Set(consumer.services.map((s) => s.code));
      extra.addableCodes = [...(await this.catalogue.codes())].filter((c) => !have.has(c));
      extra.terms = consumer.services.map((s) => ({
        code: s.code,
        ...(consumer.agreement?.acceptedTerms.find((t) => t.serviceCode === s.code) ?? {}),
      }));
    }
    if (tab === 'keys') extra.keys = await this.keys.execute(id);
    if (tab === 'history') {
      extra.entries = (await this.audit.execute({ objectType: 'consumer', objectId: id, limit: 200 })).map((e) => ({
        ...e,
        detailsJson: Object.keys(e.details).length ? JSON.stringify(e.details, null, 2) : '',
      }));
    }
    return {
      title: consumer.name,
      ...FORM_OPTIONS,
      consumer,
      tab,
      tabs: TABS.map((t) => ({ key: t, label: CONSUMER_LABELS.tab[t], href: tabPath(id, t), current: t === tab })),
      technicalContacts: consumer.contacts.filter((c) => c.role === 'technical').length,
      createdKey,
      ...extra,
    };
  }
}
