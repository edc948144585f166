import { activeOperationalMessage, type OperationalMessageWindow } from './operational-message';

const HOUR = 3_600_000;
const AT = new Date('2026-11-30T12:00:00Z');
const ago = (hours: number) => new Date(AT.getTime() - hours * HOUR);

function message(name: string, fields: Partial<OperationalMessageWindow> = {}): OperationalMessageWindow & { name: string } {
  return { name, services: ['inntekt'], environments: [], startedAt: ago(1), endedAt: null, ...fields };
}

describe('activeOperationalMessage', () => {
  it.each([
    { case: 'started before, not ended', m: message('a'), found: 'a' },
    { case: 'started exactly at the instant', m: message('a', { startedAt: AT }), found: 'a' },
    { case: 'starts after the instant', m: message('a', { startedAt: new Date(AT.getTime() + 1) }), found: null },
    { case: 'ended before the instant', m: message('a', { endedAt: ago(0.5) }), found: null },
    { case: 'ended exactly at the instant', m: message('a', { endedAt: AT }), found: null },
    { case: 'ends after the instant', m: message('a', { endedAt: new Date(AT.getTime() + 1) }), found: 'a' },
    { case: 'older than the longest a message lasts', m: message('a', { startedAt: ago(24) }), found: null },
    { case: 'just younger than that', m: message('a', { startedAt: new Date(ago(24).getTime() + 1) }), found: 'a' },
    { case: 'about another service', m: message('a', { services: ['skattekort'] }), found: null },
    { case: 'one of several services', m: message('a', { services: ['skattekort', 'inntekt'] }), found: 'a' },
    { case: 'listing the environment', m: message('a', { environments: ['production'] }), found: 'a' },
    { case: 'about another environment only', m: message('a', { environments: ['test'] }), found: null },
  ])('$case → $found', ({ m, found }) => {
    expect(activeOperationalMessage([m], 'inntekt', 'production', AT, 24 * HOUR)?.name ?? null).toBe(found);
  });

  it('picks the most recently started of several active ones', () => {
    const messages = [
      message('older', { startedAt: ago(3) }),
      message('newest', { startedAt: ago(1) }),
      message('middle', { startedAt: ago(2) }),
    ];
    expect(activeOperationalMessage(messages, 'inntekt', 'production', AT, 24 * HOUR)?.name).toBe('newest');
  });

  it('finds none among none', () => {
    expect(activeOperationalMessage([], 'inntekt', 'production', AT, 24 * HOUR)).toBeNull();
  });
});
