import type { NoticeDetail, NoticeView } from '@domain/notices';

import { noticeFromForm } from './notices.forms';
import { consumerDashboard, editorChoices, formValuesOf, noticeRow, pager, portalNoticeRows } from './notices.view-model';

const notice = (over: Partial<NoticeView> = {}): NoticeView => ({
  id: 'n-1',
  title: 'Nytt format',
  kind: 'dataset-change',
  needsWork: true,
  body: 'Tekst',
  technicalBody: null,
  professionalBody: null,
  services: ['ssg'],
  environments: ['production', 'test'],
  entitlementPackages: [],
  serviceAreas: [],
  roles: [],
  effectiveAt: new Date('2030-03-01T00:00:00Z'),
  links: [],
  status: 'draft',
  scheduledAt: null,
  sentAt: null,
  withdrawnAt: null,
  source: null,
  createdBy: 'kari@ks.no',
  createdAt: new Date('2030-01-01T00:00:00Z'),
  updatedAt: new Date('2030-01-01T00:00:00Z'),
  version: 'v1',
  ...over,
});

const recipient = (consumerId: string, email: string, over: Partial<NoticeDetail['recipients'][number]> = {}) => ({
  id: email,
  consumerId,
  consumerName: consumerId === 'b' ? 'Bergen kommune' : 'Asker kommune',
  orgNumber: consumerId,
  name: 'Kontakt',
  email,
  role: 'technical',
  services: ['ssg'],
  delivery: 'sent',
  readAt: null,
  readyAt: null,
  ...over,
});

describe('the notice pages', () => {
  it.each<[NoticeView['status'], boolean, boolean]>([
    ['draft', true, true],
    ['scheduled', true, true],
    ['sent', false, true],
    ['withdrawn', false, false],
  ])('a %s notice: may send %s, may withdraw %s', (status, canSend, canWithdraw) => {
    expect(noticeRow(notice({ status }))).toMatchObject({ canSend, canWithdraw });
  });

  it('names kind, environments and roles in Norwegian', () => {
    expect(noticeRow(notice())).toMatchObject({
      kindLabel: 'Endring i datasett',
      environmentLabels: ['Produksjon', 'Test'],
      roleLabels: ['Alle roller'],
      tag: { text: 'Kladd' },
    });
    expect(noticeRow(notice({ roles: ['technical', 'professional'] })).roleLabels).toEqual(['Teknisk', 'Faglig']);
  });

  it.each([
    [0, 1, { pages: 1, previous: null, next: null }],
    [26, 1, { pages: 2, previous: null, next: 2 }],
    [60, 3, { pages: 3, previous: 2, next: null }],
  ])('pages %i notices (page %i)', (total, page, expected) => {
    expect(pager(total, page, 25)).toMatchObject(expected);
  });

  it('counts delivered, read and ready per consumer', () => {
    const d = consumerDashboard({
      recipients: [
        recipient('b', 'x@b', { readAt: new Date() }),
        recipient('b', 'y@b', { delivery: 'failed' }),
        recipient('a', 'z@a', { readAt: new Date(), readyAt: new Date() }),
      ],
    });
    expect(d.rows).toEqual([
      { consumerName: 'Asker kommune', orgNumber: 'a', contacts: 1, delivered: 1, read: 1, ready: 1, failed: 0 },
      { consumerName: 'Bergen kommune', orgNumber: 'b', contacts: 2, delivered: 1, read: 1, ready: 0, failed: 1 },
    ]);
    expect(d.totals).toEqual({ consumers: 2, contacts: 3, delivered: 2, read: 2, ready: 1 });
  });

  it('counts an address shared by two consumers once in the totals, and under each of them', () => {
    const d = consumerDashboard({ recipients: [recipient('a', 'drift@it'), recipient('b', 'drift@it'), recipient('b', 'y@b')] });
    expect(d.rows.map((r) => [r.orgNumber, r.contacts, r.delivered])).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
    ]);
    expect(d.totals).toMatchObject({ consumers: 2, contacts: 2, delivered: 2 });
  });

  it('keeps what was chosen after a failed post', () => {
    const c = editorChoices(
      [
        { code: 'ssg', name: 'SSG' },
        { code: 'inntekt', name: 'Inntekt' },
      ],
      ['Skatt'],
      { services: 'inntekt', roles: ['technical'] },
    );
    expect(c.services.map((s) => s.selected)).toEqual([false, true]);
    expect(c.roles.find((r) => r.value === 'technical')?.selected).toBe(true);
    expect(c.areas).toEqual([{ value: 'Skatt', label: 'Skatt', selected: false }]);
  });

  it.each<[string, Partial<NoticeView>, Date | null, Date | null, boolean, boolean]>([
    ['new, needing work: both buttons', {}, null, null, true, true],
    ['read, needing work: ready only', {}, new Date(), null, false, true],
    ['read, needing no work: none', { needsWork: false, kind: 'planned-maintenance' }, new Date(), null, false, false],
    ['withdrawn: none', { status: 'withdrawn' }, null, null, false, false],
  ])('in the portal, %s', (_, over, readAt, readyAt, askRead, askReady) => {
    const [row] = portalNoticeRows([{ ...notice({ status: 'sent', ...over }), text: 'Tekst', roleTexts: [], readAt, readyAt }]);
    expect(row).toMatchObject({ askRead, askReady });
  });

  it('in the portal, shows each text written for a role of contact under its heading', () => {
    const roleTexts = [
      { role: 'technical', text: 'Oppdater skjemavalideringen.' },
      { role: 'professional', text: 'Sjekk vedtakene.' },
    ];
    const [row] = portalNoticeRows([{ ...notice({ status: 'sent' }), text: 'Tekst', roleTexts, readAt: null, readyAt: null }]);
    expect(row.roleTexts).toEqual([
      { heading: 'Til tekniske kontakter', text: 'Oppdater skjemavalideringen.' },
      { heading: 'Til faglige kontakter', text: 'Sjekk vedtakene.' },
    ]);
  });

  it('gives the editor a stored notice back as the form it came from', () => {
    const stored = notice({
      technicalBody: 'Teknisk',
      entitlementPackages: ['a', 'b'],
      links: [
        { title: 'Varsel', url: 'https://ske.example/v' },
        { title: 'https://ske.example/d', url: 'https://ske.example/d' },
      ],
    });
    const values = formValuesOf(stored);
    expect(values.effectiveAt).toBe('2030-03-01T01:00');
    expect(noticeFromForm(values)).toMatchObject({
      technicalBody: 'Teknisk',
      entitlementPackages: ['a', 'b'],
      links: stored.links,
      effectiveAt: stored.effectiveAt,
    });
  });
});
