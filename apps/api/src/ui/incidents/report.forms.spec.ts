import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { fromOsloLocal, ReportForm, reportInput } from './report.forms';

describe('fromOsloLocal', () => {
  it.each([
    ['2026-01-15T09:30', '2026-01-15T08:30:00.000Z'],
    ['2026-07-15T09:30', '2026-07-15T07:30:00.000Z'],
    ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25T01:30', '2026-10-24T23:30:00.000Z'],
  ])('%s in Oslo is %s', (local, utc) => expect(fromOsloLocal(local).toISOString()).toBe(utc));
});

describe('reportInput', () => {
  const form: ReportForm = {
    service: 'SSG',
    environment: 'production',
    category: 'incident',
    title: 'Feil',
    description: 'Beskrivelse',
    hasWorkedBefore: 'no',
  };

  it.each([
    ['yes', true],
    ['no', false],
    ['unknown', null],
    [undefined, null],
  ] as const)('"has it worked before" %s is %s', (answer, expected) => {
    expect(reportInput({ ...form, hasWorkedBefore: answer }, {}).hasWorkedBefore).toBe(expected);
  });

  it('leaves what was not filled in empty and names the reporter', () => {
    expect(reportInput(form, { name: 'Kari', email: 'kari@kommune.no' })).toMatchObject({
      occurredAt: null,
      errorCode: null,
      httpStatus: null,
      correlationId: null,
      vendorInvolved: null,
      reporterName: 'Kari',
      reporterEmail: 'kari@kommune.no',
    });
  });
});

describe('ReportForm occurredAt', () => {
  const invalidFields = (occurredAt: string) =>
    validateSync(
      plainToInstance(ReportForm, { service: 'ssg', environment: 'test', category: 'incident', title: 'T', description: 'D', occurredAt }),
    ).map((e) => e.property);

  it.each([
    ['2026-03-01T08:00', []],
    ['2024-02-29T23:59', []],
    ['', []],
    ['2026-02-30T08:00', ['occurredAt']],
    ['2025-02-29T08:00', ['occurredAt']],
    ['2026-13-01T08:00', ['occurredAt']],
    ['2026-03-01T24:00', ['occurredAt']],
    ['2026-03-01T08:60', ['occurredAt']],
    ['0001-01-01T00:00', ['occurredAt']],
    ['+275760-09-13T00:00', ['occurredAt']],
    ['2026-03-01T08:00Z', ['occurredAt']],
    ['1767225600000', ['occurredAt']],
  ])('%j → invalid fields %j', (occurredAt, fields) => expect(invalidFields(occurredAt)).toEqual(fields));
});
