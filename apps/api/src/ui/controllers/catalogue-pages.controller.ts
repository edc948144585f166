import type { CatalogueServiceInput } from '@domain/catalogue';
import type { FieldChange, ServiceField } from '@domain/catalogue';
import type { CatalogueVersionSummary, CatalogueVersionView } from '@domain/catalogue';
import { osloDay } from '@domain/catalogue';
import { type CatalogueServiceView, type EntitlementPackage, SERVICE_LIFECYCLES } from '@domain/catalogue';
import { CompareCatalogueVersions } from '@domain/catalogue';
import { CopyCatalogueVersion } from '@domain/catalogue';
import { CreateCatalogueVersion } from '@domain/catalogue';
import { DeleteCatalogueVersion } from '@domain/catalogue';
import { GetCatalogueInForce } from '@domain/catalogue';
import { GetCatalogueVersion } from '@domain/catalogue';
import { ListCatalogueVersions } from '@domain/catalogue';
import { PublishCatalogueVersion } from '@domain/catalogue';
import { RemoveCatalogueService } from '@domain/catalogue';
import { SaveCatalogueService } from '@domain/catalogue';
import { SeedCatalogue } from '@domain/catalogue';
import { KS_SERVICE_AREAS } from '@domain/catalogue';
import { UpdateCatalogueVersion } from '@domain/catalogue';
import { type Actor, ENVIRONMENTS } from '@domain/shared';
import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Redirect,
  Render,
  Res,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, FieldError } from '@platform/errors';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { AuthenticatedRequest, CurrentActor } from '../../auth/current-principal.decorator';
import { HTTP_STATUS_OF } from '../../http/problem.filter';
import { FormErrorFilter } from '../form-error.filter';
import { uiContext, UiContextInterceptor } from '../ui-context.interceptor';

type FormBody = Record<string, string | string[] | undefined>;

const WRITERS = ['admin', 'agent', 'security'] as const;
const ENVIRONMENT_LABELS: Record<string, string> = { production: 'Produksjon', test: 'Test' };
const LIFECYCLE_LABELS: Record<string, string> = { active: 'Aktiv', deprecated: 'Utfases' };
const FIELD_LABELS: Record<ServiceField, string> = {
  name: 'Navn',
  description: 'Beskrivelse',
  lifecycle: 'Livssyklus',
  sunsetDate: 'Utfasingsdato',
  maskinportenScopes: 'Maskinporten-scopes',
  entitlementPackages: 'Rettighetspakker',
  environments: 'Miljøer',
  escalationEmails: 'Eskaleringsadresser',
  securityEmails: 'Sikkerhetsadresser',
  serviceAreas: 'Tjenesteområder',
  informationTypes: 'Informasjonstyper',
  altinnResource: 'Altinn-ressurs',
  documentationUrl: 'Dokumentasjon',
};

// --- turning views into what the templates show -------------------------------------------

function statusTag(v: CatalogueVersionSummary): { text: string; color: string } {
  if (v.inForce) return { text: 'Gjeldende', color: 'success' };
  if (v.scheduled) return { text: 'Planlagt', color: 'info' };
  if (v.status === 'superseded') return { text: 'Erstattet', color: 'neutral' };
  return { text: 'Kladd', color: 'warning' };
}

const decorate = <T extends CatalogueVersionSummary>(v: T) => ({ ...v, tag: statusTag(v), isDraft: v.status === 'draft' });

const packageText = (p: EntitlementPackage) => `${p.code}: ${p.purpose}`;

function serviceRow(s: CatalogueServiceView) {
  return {
    ...s,
    environmentLabels: s.environments.map((e) => ENVIRONMENT_LABELS[e] ?? e),
    lifecycleLabel: LIFECYCLE_LABELS[s.lifecycle] ?? s.lifecycle,
    deprecated: s.lifecycle === 'deprecated',
    missingEscalation: !s.escalationEmails.length,
    missingSecurity: !s.securityEmails.length,
  };
}

const lines = (v: unknown): string[] =>
  [v ?? '']
    .flat()
    .flatMap((x) => String(x).split(/\r?\n/))
    .map((x) => x.trim())
    .filter(Boolean);
const addresses = (v: unknown): string[] =>
  lines(v)
    .flatMap((x) => x.split(/[\s,;]+/))
    .filter(Boolean);
const checked = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String));
const optional = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The admin form's fields as a service input; lists are one entry per line (e-mails also by comma). */
function serviceFromForm(body: FormBody): CatalogueServiceInput {
  return {
    code: String(body.code ?? '').trim(),
    name: String(body.name ?? ''),
    description: optional(body.description),
    informationTypes: lines(body.informationTypes),
    maskinportenScopes: lines(body.maskinportenScopes),
    entitlementPackages: lines(body.entitlementPackages).map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? { code: line, purpose: '' } : { code: line.slice(0, at).trim(), purpose: line.slice(at + 1).trim() };
    }),
    serviceAreas: [...checked(body.serviceAreas), ...lines(body.otherServiceAreas)],
    environments: checked(body.environments),
    altinnResource: optional(body.altinnResource),
    documentationUrl: optional(body.documentationUrl),
    lifecycle: String(body.lifecycle ?? 'active'),
    sunsetDate: optional(body.sunsetDate),
    escalationEmails: addresses(body.escalationEmails),
    securityEmails: addresses(body.securityEmails),
  };
}

/** A service input as the values of the edit form. */
function formValues(s: CatalogueServiceInput) {
  const areas = s.serviceAreas ?? [];
  return {
    code: s.code,
    name: s.name,
    description: s.description ?? '',
    informationTypes: (s.informationTypes ?? []).join('\n'),
    maskinportenScopes: s.maskinportenScopes.join('\n'),
    entitlementPackages: (s.entitlementPackages ?? []).map(packageText).join('\n'),
    areaOptions: KS_SERVICE_AREAS.map((a, i) => ({ value: a, checked: areas.includes(a), n: i })),
    otherServiceAreas: areas.filter((a) => !(KS_SERVICE_AREAS as readonly string[]).includes(a)).join('\n'),
    environmentOptions: ENVIRONMENTS.map((e) => ({
      value: e,
      label: ENVIRONMENT_LABELS[e],
      checked: s.environments.includes(e),
    })),
    lifecycleOptions: SERVICE_LIFECYCLES.map((l) => ({ value: l, label: LIFECYCLE_LABELS[l], selected: (s.lifecycle ?? 'active') === l })),
    altinnResource: s.altinnResource ?? '',
    documentationUrl: s.documentationUrl ?? '',
    sunsetDate: s.sunsetDate ?? '',
    escalationEmails: s.escalationEmails.join('\n'),
    securityEmails: s.securityEmails.join('\n'),
  };
}

const EMPTY_SERVICE: CatalogueServiceInput = {
  code: '',
  name: '',
  maskinportenScopes: [],
  environments: ['production', 'test'],
  escalationEmails: [],
  securityEmails: [],
};

const FORM_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  code: 'Kode',
  label: 'Navn på versjonen',
  effectiveFrom: 'Gjelder fra',
  notes: 'Merknader',
  services: 'Tjenester',
};

/** "escalationEmails[1]" → "Eskaleringsadresser, linje 2", as the form names the field. */
function formLabel(field: string): string {
  const m = /^(\w+)(?:\[(\d+)\])?(?:\.(code|purpose))?$/.exec(field);
  if (!m || !FORM_LABELS[m[1]]) return field;
  return `${FORM_LABELS[m[1]]}${m[2] ? `, linje ${Number(m[2]) + 1}` : ''}${m[3] ? (m[3] === 'code' ? ' (kode)' : ' (formål)') : ''}`;
}

const labelled = (errors: FieldError[] | undefined) => errors?.map((e) => ({ field: formLabel(e.field), message: e.message }));

interface FormFailure {
  /** 'details', 'new-service', or 'service' with `code` the service's code before the edit. */
  form: string;
  code: string | null;
  body: FormBody;
  error: string;
  fieldErrors: FieldError[];
}

function editorModel(version: CatalogueVersionView, failure?: FormFailure) {
  const failed = (form: string, code: string | null = null) =>
    failure && failure.form === form && failure.code === code ? failure : undefined;
  const details = failed('details');
  const added = failed('new-service');
  const other = failure && !['details', 'new-service', 'service'].includes(failure.form) ? failure : undefined;
  const anchor = details ? 'details' : added ? 'new-service' : failure?.form === 'service' ? `service-${failure.code}` : null;
  return {
    title: `Rediger ${version.label}`,
    version: decorate(version),
    details: details
      ? {
          label: details.body.label,
          effectiveFrom: details.body.effectiveFrom,
          notes: details.body.notes,
          error: details.error,
          fieldErrors: labelled(details.fieldErrors),
        }
      : { label: version.label, effectiveFrom: version.effectiveFrom, notes: version.notes ?? '' },
    services: version.services.map((s, i) => {
      const own = failed('service', s.code);
      return {
        originalCode: s.code,
        name: s.name,
        idp: `s${i}`,
        open: !!own,
        error: own?.error,
        fieldErrors: labelled(own?.fieldErrors),
        form: formValues(own ? serviceFromForm(own.body) : s),
      };
    }),
    newService: {
      idp: 'new',
      open: !!added || !version.services.length,
      error: added?.error,
      fieldErrors: labelled(added?.fieldErrors),
      form: formValues(added ? serviceFromForm(added.body) : EMPTY_SERVICE),
    },
    error: other?.error,
    fieldErrors: other?.fieldErrors,
    /** A failed form further down the page: say so at the top, with a link to it. */
    failedAt: anchor,
  };
}

function listItems(change: FieldChange, side: 'before' | 'after') {
  const values = (change[side] ?? []) as unknown[];
  const marked = (side === 'before' ? change.removed : change.added) ?? [];
  const text = (v: unknown) => (typeof v === 'string' ? v : packageText(v as EntitlementPackage));
  const markedTexts = marked.map(text);
  return values.map((v) => ({ text: text(v), marked: markedTexts.includes(text(v)) }));
}

function scalarText(field: ServiceField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'lifecycle') return LIFECYCLE_LABELS[String(value)] ?? String(value);
  return String(value);
}

function changeRows(changes: FieldChange[]) {
  return changes.map((c) => {
    const isList = Array.isArray(c.before) || Array.isArray(c.after);
    const envLabel = (items: Array<{ text: string; marked: boolean }>) =>
      c.field === 'environments' ? items.map((i) => ({ ...i, text: ENVIRONMENT_LABELS[i.text] ?? i.text })) : items;
    return {
      label: FIELD_LABELS[c.field],
      isList,
      beforeItems: isList ? envLabel(listItems(c, 'before')) : [],
      afterItems: isList ? envLabel(listItems(c, 'after')) : [],
      beforeText: isList ? '' : scalarText(c.field, c.before),
      afterText: isList ? '' : scalarText(c.field, c.after),
    };
  });
}

/**
 * Re-renders the draft editor with the failed form open, its error and the values entered. Only
 * for a signed-in staff member's own mistakes; anything else gets the plain error page.
 */
@Injectable()
@Catch(DomainException)
class DraftEditorErrorFilter implements ExceptionFilter {
  constructor(private readonly versions: GetCatalogueVersion) {}

  async catch(exception: DomainException, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = HTTP_STATUS_OF[exception.kind];
    const plain = () =>
      res.status(status).render('error', {
        ...uiContext(req, res),
        title: 'Noe gikk galt',
        problem: { status, code: exception.code, message: exception.message, fields: exception.fields },
      });
    try {
      if (req.principal?.kind !== 'staff' || !['validation', 'conflict', 'not-found', 'unprocessable'].includes(exception.kind))
        return plain();
      const version = await this.versions.execute(String(req.params.id));
      const body = (req.body ?? {}) as FormBody;
      const failure: FormFailure = {
        form: String(body._form ?? ''),
        code: typeof req.params.code === 'string' ? req.params.code : null,
        body,
        error: exception.message,
        fieldErrors: exception.fields,
      };
      res.status(status).render('catalogue/edit', { ...uiContext(req, res), ...editorModel(version, failure) });
    } catch {
      plain();
    }
  }
}

@ApiExcludeController()
@Controller('catalogue')
@UseInterceptors(UiContextInterceptor)
export class CataloguePagesController {
  constructor(
    private readonly list: ListCatalogueVersions,
    private readonly get: GetCatalogueVersion,
    private readonly inForce: GetCatalogueInForce,
    private readonly create: CreateCatalogueVersion,
    private readonly copy: CopyCatalogueVersion,
    private readonly update: UpdateCatalogueVersion,
    private readonly saveService: SaveCatalogueService,
    private readonly removeService: RemoveCatalogueService,
    private readonly publish: PublishCatalogueVersion,
    private readonly remove: DeleteCatalogueVersion,
    private readonly compare: CompareCatalogueVersions,
    private readonly seed: SeedCatalogue,
  ) {}

  @Get()
  @StaffPage()
  @Render('catalogue/list')
  async versions(@Query('at') at?: string, @Query('deleted') deleted?: string) {
    const versions = (await this.list.execute()).map(decorate);
    const asked = at
      ? await this.inForce.find(at).then(
          (version) => ({ day: at, version }),
          () => ({ day: at, invalid: true }),
        )
      : null;
    return { title: 'Bilag 2 – tjenestekatalog', versions, current: versions.find((v) => v.inForce), asked, deleted };
  }

  @Post('seed')
  @StaffPage(...WRITERS)
  @Redirect('/catalogue', 303)
  async loadSeed(@CurrentActor() actor: Actor) {
    await this.seed.execute(actor);
  }

  @Get('new')
  @StaffPage(...WRITERS)
  @Render('catalogue/new')
  newPage() {
    return { title: 'Ny versjon av Bilag 2' };
  }

  @Post()
  @StaffPage(...WRITERS)
  @UseFilters(new FormErrorFilter('catalogue/new', { title: 'Ny versjon av Bilag 2' }))
  async createVersion(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    const version = await this.create.execute(
      { label: String(body.label ?? ''), effectiveFrom: String(body.effectiveFrom ?? ''), notes: optional(body.notes) },
      actor,
    );
    res.redirect(303, `/catalogue/${version.id}/edit`);
  }

  @Get(':id')
  @StaffPage()
  @Render('catalogue/version')
  async version(@Param('id', ParseUUIDPipe) id: string, @Query('published') published?: string) {
    const [version, others] = [await this.get.execute(id), await this.list.execute()];
    return {
      title: version.label,
      version: decorate(version),
      services: version.services.map(serviceRow),
      others: others.filter((o) => o.id !== id).map(decorate),
      published: !!published,
    };
  }

  @Get(':id/edit')
  @StaffPage(...WRITERS)
  @Render('catalogue/edit')
  async editor(@Param('id', ParseUUIDPipe) id: string, @Query('saved') saved?: string) {
    return { ...editorModel(await this.get.execute(id)), saved };
  }

  @Post(':id/edit')
  @StaffPage(...WRITERS)
  @UseFilters(DraftEditorErrorFilter)
  async saveDetails(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    const version = await this.update.execute(
      id,
      { label: String(body.label ?? ''), effectiveFrom: String(body.effectiveFrom ?? ''), notes: optional(body.notes) },
      actor,
    );
    res.redirect(303, `/catalogue/${version.id}/edit?saved=details#details`);
  }

  @Post(':id/services')
  @StaffPage(...WRITERS)
  @UseFilters(DraftEditorErrorFilter)
  async addService(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.saveService.execute(id, null, serviceFromForm(body), actor);
    res.redirect(303, `/catalogue/${id}/edit?saved=service#service-${encodeURIComponent(String(body.code ?? '').trim())}`);
  }

  @Post(':id/services/:code')
  @StaffPage(...WRITERS)
  @UseFilters(DraftEditorErrorFilter)
  async changeService(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.saveService.execute(id, code, serviceFromForm(body), actor);
    res.redirect(303, `/catalogue/${id}/edit?saved=service#service-${encodeURIComponent(String(body.code ?? '').trim())}`);
  }

  @Post(':id/services/:code/delete')
  @StaffPage(...WRITERS)
  @UseFilters(DraftEditorErrorFilter)
  async dropService(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.removeService.execute(id, code, actor);
    res.redirect(303, `/catalogue/${id}/edit?saved=removed#services`);
  }

  @Get(':id/publish')
  @StaffPage(...WRITERS)
  @Render('catalogue/publish')
  async confirmPublish(@Param('id', ParseUUIDPipe) id: string) {
    const [version, current] = [await this.get.execute(id), await this.inForce.find()];
    const diff = current && current.id !== id ? await this.compare.execute(id, current.id) : null;
    const today = osloDay(new Date());
    const effect =
      version.effectiveFrom > today ? 'scheduled' : !current || version.effectiveFrom >= current.effectiveFrom ? 'now' : 'history';
    return { title: `Publiser ${version.label}`, version: decorate(version), current, diff, effect: { [effect]: true } };
  }

  @Post(':id/publish')
  @StaffPage(...WRITERS)
  @UseFilters(DraftEditorErrorFilter)
  async publishVersion(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.publish.execute(id, actor);
    res.redirect(303, `/catalogue/${id}?published=1`);
  }

  @Post(':id/draft')
  @StaffPage(...WRITERS)
  async newDraft(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const draft = await this.copy.execute(id, {}, actor);
    res.redirect(303, `/catalogue/${draft.id}/edit`);
  }

  @Post(':id/delete')
  @StaffPage(...WRITERS)
  @UseFilters(DraftEditorErrorFilter)
  async deleteDraft(@Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.remove.execute(id, actor);
    res.redirect(303, `/catalogue?deleted=${encodeURIComponent(String(body.label ?? ''))}`);
  }

  @Get(':id/diff')
  @StaffPage()
  @Render('catalogue/diff')
  async diff(@Param('id', ParseUUIDPipe) id: string, @Query('against') against?: string) {
    const [comparison, versions] = [await this.compare.execute(id, against || undefined), await this.list.execute()];
    const byId = new Map(versions.map((v) => [v.id, decorate(v)]));
    return {
      title: `Endringer i ${comparison.to.label}`,
      comparison,
      fromVersion: byId.get(comparison.from.id),
      toVersion: byId.get(comparison.to.id),
      choices: versions
        .filter((v) => v.id !== id)
        .map((v) => ({ id: v.id, label: v.label, effectiveFrom: v.effectiveFrom, selected: v.id === comparison.from.id })),
      added: comparison.added.map(serviceRow),
      removed: comparison.removed.map(serviceRow),
      changed: comparison.changed.map((c) => ({ code: c.code, name: c.name, rows: changeRows(c.changes) })),
      identical: !comparison.added.length && !comparison.removed.length && !comparison.changed.length,
    };
  }
}
