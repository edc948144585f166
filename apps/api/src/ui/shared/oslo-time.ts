/** Norwegian wall-clock time in forms (datetime-local), whatever the server's zone. */

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Oslo's wall clock is ahead of UTC at an instant. */
function osloOffsetMs(at: number): number {
  const p = Object.fromEntries(OSLO_PARTS.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(at / 1000) * 1000;
}

/** A datetime-local value is Norwegian wall-clock time, whatever the server's zone. */
export function fromOsloLocal(value: string): Date {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(wall - osloOffsetMs(wall - osloOffsetMs(wall)));
}
