import { loadConfig } from '@platform/config';

import { BusinessCalendar } from '../../../libs/domain/support/rules/business-calendar';
import { slaClocks } from '../../../libs/domain/support/rules/sla-clock';

// The validated configuration is what the calendar and the SLA policy are built from.
const secrets = { SESSION_SECRET: 's'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };
const STATUSES = { pausedStatuses: ['waiting_on_consumer'], stoppedStatuses: ['resolved', 'closed'] };

describe('SLA built from the configuration', () => {
  it('by default: Mon–Fri 08:00–16:00 Oslo time, critical answered within one business hour', () => {
    const { sla } = loadConfig({ ...secrets, DATA_DIR: '/nonexistent' });
    const calendar = new BusinessCalendar(sla.businessHours);
    const ticket = {
      priority: 'critical' as const,
      history: [{ status: 'new', at: new Date('2026-12-23T15:30+01:00') }],
      firstResponseAt: null,
    };
    const clocks = slaClocks(ticket, { ...sla, ...STATUSES }, calendar, new Date('2026-12-24T08:00+01:00'));
    expect(clocks.firstResponse).toMatchObject({
      state: 'running',
      dueAt: new Date('2026-12-24T08:30+01:00'),
      warnAt: new Date('2026-12-24T08:15+01:00'),
    });
  });

  it('with Christmas Eve closed, a shorter critical target and a fixed warning', () => {
    const { sla } = loadConfig({
      ...secrets,
      DATA_DIR: '/nonexistent',
      SUPPORT_CLOSED_DAYS: '12-24',
      SUPPORT_BUSINESS_HOURS: '09:00-15:00',
      SLA_TARGETS: 'critical=45m/4h',
      SLA_WARN_BEFORE: '10m',
    });
    const calendar = new BusinessCalendar(sla.businessHours);
    const ticket = {
      priority: 'critical' as const,
      history: [{ status: 'new', at: new Date('2026-12-23T14:30+01:00') }],
      firstResponseAt: null,
    };
    const clocks = slaClocks(ticket, { ...sla, ...STATUSES }, calendar, new Date('2026-12-24T10:00+01:00'));
    expect(clocks.firstResponse).toMatchObject({
      state: 'running',
      elapsedMillis: 30 * 60_000,
      dueAt: new Date('2026-12-28T09:15+01:00'),
      warnAt: new Date('2026-12-28T09:05+01:00'),
    });
  });
});
