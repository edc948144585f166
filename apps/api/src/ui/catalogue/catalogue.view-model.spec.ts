import type { CatalogueVersionSummary, CatalogueVersionView, FieldChange } from '@domain/catalogue';

import type { FormFailure } from '../shared/page-form';
import { changeRows, decorate, editorViewModel, publishEffect, serviceFormValues, statusTag } from './catalogue.view-model';

const summary = (over: Partial<CatalogueVersionSummary>) =>
  ({ id: 'v', label: '2026.1', status: 'draft', inForce: false, scheduled: false, ...over }) as CatalogueVersionSummary;

const service = {
  code: 'ssg',
  name: 'Summert skattegrunnlag',
  maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
  environments: ['production', 'test'],
  escalationEmails: ['drift@ske.no'],
  securityEmails: [],
  serviceAreas: ['Boligsosialt arbeid', 'Eget område'],
  entitlementPackages: [{ code: 'pakke', purpose: 'Formål' }],
  lifecycle: 'active',
};
const version = { ...summary({}), effectiveFrom: '2026-01-01', notes: null, services: [service] } as unknown as CatalogueVersionView;

const failure = (form: string, params: Record<string, string> = {}, body: Record<string, string> = {}): FormFailure => ({
  form,
  params: { id: 'v', ...params },
  body,
  code: 'validation_failed',
  error: 'Endringen ble ikke lagret.',
  fieldErrors: [],
});

describe('catalogue view models', () => {
  it.each([
    [{ inForce: true }, 'Gjeldende'],
    [{ scheduled: true, status: 'published' }, 'Planlagt'],
    [{ status: 'superseded' }, 'Erstattet'],
    [{ status: 'draft' }, 'Kladd'],
  ] as const)('tags %p as %s', (over, text) => expect(statusTag(summary(over as Partial<CatalogueVersionSummary>)).text).toBe(text));

  it('marks drafts', () => expect(decorate(summary({})).isDraft).toBe(true));

  it('shows a service in the form: lists one per line, packages as "code: purpose", other areas apart', () => {
    expect(serviceFormValues(service as never)).toMatchObject({
      maskinportenScopes: 'skatteetaten:summertskattegrunnlag',
      entitlementPackages: 'pakke: Formål',
      otherServiceAreas: 'Eget område',
      escalationEmails: 'drift@ske.no',
    });
  });

  it('opens the service form that failed, with what was entered, and points to it from the top', () => {
    const model = editorViewModel(version, failure('service', { code: 'ssg' }, { code: 'ssg', name: 'Nytt navn', environments: 'test' }));
    expect(model.services[0]).toMatchObject({ open: true, error: 'Endringen ble ikke lagret.' });
    expect(model.services[0].form.name).toBe('Nytt navn');
    expect(model.failedAt).toBe('service-ssg');
    expect(model.error).toBeUndefined();
  });

  it('links each error of a refused service form to its field in that form, and marks the field', () => {
    const refused = {
      ...failure('service', { code: 'ssg' }, { code: 'ssg' }),
      fieldErrors: ['escalationEmails[1]', 'entitlementPackages[0].purpose', 'environments', 'version'].map((field) => ({
        field,
        name: field.replace(/\[\d+\]/g, ''),
        label: field,
        message: 'x',
      })),
    };
    const model = editorViewModel(version, refused);
    expect(model.services[0].fieldErrors?.map((f) => f.href)).toEqual(['#s0-escalation', '#s0-packages', '#s0-environments', undefined]);
    expect(model.services[0].invalid).toEqual({
      escalationEmails: true,
      'entitlementPackages.purpose': true,
      environments: true,
      version: true,
    });
    expect(model.newService.invalid).toEqual({});
    expect(model.details.invalid).toEqual({});
  });

  it('keeps failed details and shows other failures at the top', () => {
    expect(editorViewModel(version, failure('details', {}, { label: 'Ny' })).details).toMatchObject({
      label: 'Ny',
      error: 'Endringen ble ikke lagret.',
    });
    expect(editorViewModel(version, failure('publish')).error).toBe('Endringen ble ikke lagret.');
    expect(editorViewModel(version).newService.open).toBe(false);
  });

  it('describes changes in Norwegian, marking what was added and removed', () => {
    const changes = [
      { field: 'environments', before: ['production'], after: ['production', 'test'], added: ['test'], removed: [] },
      { field: 'lifecycle', before: 'active', after: 'deprecated' },
    ] as FieldChange[];
    expect(changeRows(changes)).toEqual([
      {
        label: 'Miljøer',
        isList: true,
        beforeItems: [{ text: 'Produksjon', marked: false }],
        afterItems: [
          { text: 'Produksjon', marked: false },
          { text: 'Test', marked: true },
        ],
        beforeText: '',
        afterText: '',
      },
      { label: 'Livssyklus', isList: false, beforeItems: [], afterItems: [], beforeText: 'Aktiv', afterText: 'Utfases' },
    ]);
  });

  it.each([
    ['2027-01-01', '2026-01-01', 'scheduled'],
    ['2026-06-01', '2026-01-01', 'now'],
    ['2025-06-01', '2026-01-01', 'history'],
  ])('a version from %s over one from %s takes effect: %s', (from, current, effect) => {
    expect(publishEffect({ effectiveFrom: from }, { effectiveFrom: current }, '2026-11-30')).toBe(effect);
  });
});
