import type { ErrorKind, FieldError } from '@platform/errors';

import { describeFailure, fieldName, invalidFields, linkedFailure, linkedToFields, PageTexts } from './form-errors';
import { ERROR_KIND_TEXTS, SHARED_ERROR_TEXTS, UNKNOWN_FIELD_MESSAGE } from './shared.texts.nb';

const texts: PageTexts = {
  errors: { consumer_exists: 'Organisasjonsnummeret er allerede registrert.', unknown_service: 'Tjenesten finnes ikke i Bilag 2.' },
  fields: {
    orgNumber: { label: 'Organisasjonsnummer', message: 'Skriv et gyldig organisasjonsnummer med 9 siffer.' },
    'contacts.email': { label: 'Kontaktperson, e-post', message: 'Skriv en gyldig e-postadresse.' },
    escalationEmails: { label: 'Eskaleringsadresser', message: 'Skriv én e-postadresse per linje.', perLine: true },
  },
  errorFields: { unknown_service: 'service' },
};

const failure = (kind: ErrorKind, code: string, fields: FieldError[] = []) => ({ kind, code, fields });

describe('fieldName', () => {
  it.each([
    ['orgNumber', 'orgNumber'],
    ['contacts[0].email', 'contacts.email'],
    ['acceptedTerms[12].serviceCode', 'acceptedTerms.serviceCode'],
    ['entitlementPackages[1].code', 'entitlementPackages.code'],
  ])('%s → %s', (field, name) => expect(fieldName(field)).toBe(name));
});

describe('describeFailure', () => {
  it('uses the page text for a code, never the exception message', () => {
    const result = describeFailure(
      failure('conflict', 'consumer_exists', [{ field: 'orgNumber', message: 'is already registered' }]),
      texts,
    );
    expect(result).toEqual({
      error: 'Organisasjonsnummeret er allerede registrert.',
      fieldErrors: [
        { field: 'orgNumber', name: 'orgNumber', label: 'Organisasjonsnummer', message: 'Organisasjonsnummeret er allerede registrert.' },
      ],
    });
  });

  it.each<[string, ErrorKind, string, string]>([
    ['a shared code', 'forbidden', 'csrf_failed', SHARED_ERROR_TEXTS.csrf_failed],
    ['an unknown code, by kind', 'not-found', 'report_not_found', ERROR_KIND_TEXTS['not-found']],
    ['an unknown validation code, by kind', 'validation', 'validation_failed', ERROR_KIND_TEXTS.validation],
    ['an unknown conflict', 'conflict', 'something_new', ERROR_KIND_TEXTS.conflict],
  ])('falls back for %s', (_label, kind, code, expected) => {
    expect(describeFailure(failure(kind, code), texts).error).toBe(expected);
  });

  it('gives each invalid field its label and rule, keeping the index the use case named', () => {
    const result = describeFailure(
      failure('validation', 'validation_failed', [
        { field: 'orgNumber', message: 'must be a valid 9-digit organisation number' },
        { field: 'contacts[0].email', message: 'must be an e-mail address' },
      ]),
      texts,
    );
    expect(result.fieldErrors).toEqual([
      { field: 'orgNumber', name: 'orgNumber', label: 'Organisasjonsnummer', message: 'Skriv et gyldig organisasjonsnummer med 9 siffer.' },
      { field: 'contacts[0].email', name: 'contacts.email', label: 'Kontaktperson, e-post', message: 'Skriv en gyldig e-postadresse.' },
    ]);
  });

  it('names the entry of a list entered one per line', () => {
    const result = describeFailure(failure('validation', 'validation_failed', [{ field: 'escalationEmails[1]', message: 'x' }]), texts);
    expect(result.fieldErrors[0].label).toBe('Eskaleringsadresser, nr. 2');
  });

  it('shows a field it has no text for by name with a Norwegian rule, not the English one', () => {
    const result = describeFailure(
      failure('validation', 'validation_failed', [{ field: 'days', message: 'must be a whole number' }]),
      texts,
    );
    expect(result.fieldErrors).toEqual([{ field: 'days', name: 'days', label: 'days', message: UNKNOWN_FIELD_MESSAGE }]);
  });

  it.each([
    ['without fields', []],
    ["with the use case's own field", [{ field: 'service', message: 'is not a service in force' }]],
  ])('puts a code that concerns one field beside that field (%s)', (_label, fields) => {
    expect(describeFailure(failure('validation', 'unknown_service', fields), texts).fieldErrors).toEqual([
      { field: 'service', name: 'service', label: 'service', message: 'Tjenesten finnes ikke i Bilag 2.' },
    ]);
  });

  describe('a code two forms share about fields of their own', () => {
    const perForm: PageTexts = {
      errors: { incident_not_found: 'Fant ingen hendelse med den referansen.' },
      fields: { other: { label: 'Hendelse', message: 'x' }, target: { label: 'Flytt til', message: 'x' } },
      errorFields: { unknown_service: 'service' },
      formErrorFields: { merge: { incident_not_found: 'other' }, move: { incident_not_found: 'target' } },
    };
    const named = (form?: string) =>
      describeFailure(failure('not-found', 'incident_not_found'), perForm, form).fieldErrors.map((f) => `${f.name}: ${f.label}`);

    it.each<[string | undefined, string[]]>([
      ['merge', ['other: Hendelse']],
      ['move', ['target: Flytt til']],
      ['triage', []],
      [undefined, []],
    ])('posted from %s → %j', (form, expected) => expect(named(form)).toEqual(expected));

    it("falls back to the page's field for a code its form does not name", () => {
      expect(describeFailure(failure('validation', 'unknown_service'), perForm, 'merge').fieldErrors.map((f) => f.name)).toEqual([
        'service',
      ]);
    });
  });
});

describe('linkedToFields', () => {
  const ids = { orgNumber: 'orgNumber', 'contacts.email': 'contactEmail' };
  const error = (field: string) => ({ field, name: fieldName(field), label: field, message: 'feil' });

  it.each([
    ['a field the page places', 'orgNumber', '#orgNumber'],
    ['a field of a list, by its name without the index', 'contacts[2].email', '#contactEmail'],
    ['a field the page does not place', 'municipalityNumber', undefined],
    ['a name that only an object prototype has', 'toString', undefined],
  ])('%s: %s → %s', (_label, field, href) => {
    expect(linkedToFields([error(field)], ids)).toEqual([{ ...error(field), ...(href ? { href } : {}) }]);
  });

  it('keeps the order and leaves the given list as it was', () => {
    const given = [error('municipalityNumber'), error('orgNumber')];
    expect(linkedToFields(given, ids).map((f) => f.href)).toEqual([undefined, '#orgNumber']);
    expect(given.every((f) => !('href' in f))).toBe(true);
  });
});

describe('linkedFailure', () => {
  const refusal = {
    form: 'triage',
    error: 'Skjemaet er ikke fylt ut riktig.',
    fieldErrors: [{ field: 'title', name: 'title', label: 'Tittel', message: 'x' }],
  };

  it('keeps the rest of the refusal and links its fields', () => {
    expect(linkedFailure(refusal, { title: 'triage-title' })).toEqual({
      ...refusal,
      fieldErrors: [{ ...refusal.fieldErrors[0], href: '#triage-title' }],
      invalid: { title: true },
    });
    expect(refusal.fieldErrors[0]).not.toHaveProperty('href');
  });

  it('is nothing when there is no refusal to show', () => {
    expect(linkedFailure(undefined, { title: 'triage-title' })).toBeUndefined();
  });
});

describe('invalidFields', () => {
  const error = (field: string) => ({ field, name: fieldName(field), label: field, message: 'feil' });
  it.each<[string, ReturnType<typeof error>[] | undefined, Record<string, true>]>([
    ['none for no refusal', undefined, {}],
    [
      'each field once, by its name without the index',
      [error('contacts[0].email'), error('contacts[1].email'), error('orgNumber')],
      { 'contacts.email': true, orgNumber: true },
    ],
  ])('marks %s', (_label, errors, marked) => expect(invalidFields(errors)).toEqual(marked));
});
