import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Business time is kept in Europe/Oslo whatever zone the server runs in. A test process cannot
// change its own zone, so the built calendar runs in node processes started with another TZ.
const CALENDAR = join(__dirname, '..', '..', '..', 'dist', 'libs', 'domain', 'support', 'rules', 'business-calendar.js');

const SCRIPT = `
const { BusinessCalendar } = require(${JSON.stringify(CALENDAR)});
const calendar = new BusinessCalendar({ timeZone: 'Europe/Oslo', days: [1, 2, 3, 4, 5], opensAtMinute: 480, closesAtMinute: 960, closedDays: [] });
const at = (iso) => new Date(iso);
const hours = (ms) => ms / 3600000;
console.log(JSON.stringify({
  januaryOffset: new Date('2026-01-15T12:00:00Z').getTimezoneOffset(),
  overSpringChange: hours(calendar.businessMillisBetween(at('2026-03-27T15:00+01:00'), at('2026-03-30T09:00+02:00'))),
  dueAfterSpringChange: calendar.addBusinessMillis(at('2026-03-27T15:00+01:00'), 7200000).toISOString(),
  dueAfterAutumnChange: calendar.addBusinessMillis(at('2026-10-23T15:00+02:00'), 7200000).toISOString(),
  dueAfterEaster: calendar.addBusinessMillis(at('2026-04-01T15:00+02:00'), 7200000).toISOString(),
  openingAfterMidnight: calendar.nextBusinessStart(at('2026-11-30T00:30+01:00')).toISOString(),
  openAt0830Summer: calendar.isBusinessTime(at('2026-03-30T08:30+02:00')),
  year2026: hours(calendar.businessMillisBetween(at('2026-01-01T00:00+01:00'), at('2027-01-01T00:00+01:00'))),
}));
`;

describe.each([
  ['UTC', 0],
  ['America/Los_Angeles', 480],
  ['Pacific/Kiritimati', -840],
])('the business calendar on a machine in %s', (zone, januaryOffset) => {
  it('gives the Oslo answers', () => {
    const output = execFileSync(process.execPath, ['-e', SCRIPT], { env: { PATH: process.env.PATH, TZ: zone }, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      januaryOffset,
      overSpringChange: 2,
      dueAfterSpringChange: '2026-03-30T07:00:00.000Z',
      dueAfterAutumnChange: '2026-10-26T08:00:00.000Z',
      dueAfterEaster: '2026-04-07T07:00:00.000Z',
      openingAfterMidnight: '2026-11-30T07:00:00.000Z',
      openAt0830Summer: true,
      year2026: 253 * 8,
    });
  });
});
