import type { ConsumerPrincipal, Principal, StaffPrincipal, StaffRole } from '../principal';
import { ALL_PERMISSIONS, type Permission } from './permission';
import { type AccessScope, accessScope, hasPermission, LEAST_PRIVILEGED_STAFF_ROLE, staffRolesWith } from './permission-map';

const staff = (role: StaffRole): StaffPrincipal => ({
  kind: 'staff',
  id: `s-${role}`,
  email: `${role}@ks.no`,
  name: role,
  role,
  via: 'session',
});
const consumer: ConsumerPrincipal = { kind: 'consumer', consumerId: 'c-1', orgNumber: '974760673', name: 'Oslo kommune', via: 'api-key' };

const ALL_STAFF: StaffRole[] = ['admin', 'agent', 'security', 'viewer'];
const WRITERS: StaffRole[] = ['admin', 'agent', 'security'];

/** Who holds what, as the access decorators on the controllers grant it today. */
const HOLDERS: Array<[Permission, StaffRole[], boolean]> = [
  ['profile.read', ALL_STAFF, true],
  ['staff-user.manage', ['admin'], false],
  ['staff-group.read', ALL_STAFF, false],
  ['staff-group.manage', ['admin'], false],
  ['api-token.manage', ALL_STAFF, false],
  ['audit.read', ['admin', 'security'], false],
  ['dashboard.read', ALL_STAFF, false],
  ['demo.load', ['admin'], false],
  ['mail.read', WRITERS, false],
  ['inbound-mail.read', WRITERS, false],
  ['mail.read-credentials', ['admin'], false],
  ['mail.retry', ['admin', 'agent'], false],
  ['domain-event.read', WRITERS, false],
  ['domain-event.retry', ['admin', 'agent'], false],
  ['catalogue.read', ALL_STAFF, false],
  ['catalogue.edit', WRITERS, false],
  ['catalogue.publish', WRITERS, false],
  ['consumer.search', ALL_STAFF, false],
  ['consumer.read', ALL_STAFF, true],
  ['consumer.create', WRITERS, false],
  ['consumer.update', WRITERS, false],
  ['consumer-api-key.read', ALL_STAFF, false],
  ['consumer-api-key.manage', WRITERS, false],
  ['onboarding.read', ALL_STAFF, false],
  ['onboarding.manage', WRITERS, false],
  ['knowledge-article.read', ALL_STAFF, true],
  ['knowledge-article.write', WRITERS, false],
  ['report.create', WRITERS, true],
  ['report.read', ALL_STAFF, true],
  ['report.list-own', [], true],
  ['report.reply', [], true],
  ['report.import', WRITERS, false],
  ['report.reveal-personal-data', ['security'], false],
  ['incident.read', ALL_STAFF, false],
  ['security-case.read', ['admin', 'security'], false],
  ['security-case.manage', ['admin', 'security'], false],
  ['incident.triage', WRITERS, false],
  ['incident.escalate', WRITERS, false],
  ['incident.resolve', WRITERS, false],
  ['incident.regroup', WRITERS, false],
  ['incident.message', WRITERS, false],
  ['change-request.read', ALL_STAFF, true],
  ['change-request.submit', [], true],
  ['change-request.write', WRITERS, false],
  ['change-request.forward', WRITERS, false],
  ['notice.read', ALL_STAFF, false],
  ['notice.write', ['admin', 'agent'], false],
  ['notice.send', ['admin', 'agent'], false],
  ['notice-feed.manage', ['admin'], false],
  ['notice.acknowledge', [], true],
  ['ticket.read', ALL_STAFF, true],
  ['ticket.open', WRITERS, true],
  ['ticket.reply', [], true],
  ['ticket.manage', WRITERS, false],
  ['canned-response.manage', WRITERS, false],
  ['portal.use', [], true],
];

describe('the permission map', () => {
  it('names every permission <resource>.<action>, and this table covers each once', () => {
    for (const p of ALL_PERMISSIONS) expect(p).toMatch(/^[a-z-]+\.[a-z-]+$/);
    expect(HOLDERS.map(([p]) => p).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it.each(HOLDERS)('%s: staff roles %j, consumers %s', (permission, roles, consumers) => {
    expect(staffRolesWith(permission)).toEqual(roles);
    expect(hasPermission(consumer, permission)).toBe(consumers);
    for (const role of ALL_STAFF) expect(hasPermission(staff(role), permission)).toBe(roles.includes(role));
  });

  it.each<[string, Principal, Permission, AccessScope | null]>([
    ['an admin reaches every API token', staff('admin'), 'api-token.manage', 'all'],
    ['an agent only its own', staff('agent'), 'api-token.manage', 'own'],
    ['a viewer only its own', staff('viewer'), 'api-token.manage', 'own'],
    ['staff see every consumer', staff('viewer'), 'consumer.read', 'all'],
    ['a consumer only itself', consumer, 'consumer.read', 'own'],
    ['staff see every report', staff('agent'), 'report.read', 'all'],
    ['a consumer only its own reports', consumer, 'report.read', 'own'],
    ['staff report on behalf of any consumer', staff('security'), 'report.create', 'all'],
    ['a consumer reports for itself', consumer, 'report.create', 'own'],
    ['the knowledge base is for everyone', consumer, 'knowledge-article.read', 'all'],
    ['a consumer sees no incident', consumer, 'incident.read', null],
    ['a viewer changes nothing', staff('viewer'), 'incident.resolve', null],
    ['a viewer does not forward a change request', staff('viewer'), 'change-request.forward', null],
    ['a consumer sees the change requests of its own services', consumer, 'change-request.read', 'own'],
    ['a consumer sees only its own tickets', consumer, 'ticket.read', 'own'],
    ['a viewer reads tickets but does not answer them', staff('viewer'), 'ticket.manage', null],
    ['an admin does not read masked personal data', staff('admin'), 'report.reveal-personal-data', null],
  ])('%s', (_case, principal, permission, scope) => {
    expect(accessScope(principal, permission)).toBe(scope);
  });

  it('offers the viewer as the least privileged role: every other role holds all it may do', () => {
    expect(LEAST_PRIVILEGED_STAFF_ROLE).toBe('viewer');
    for (const permission of ALL_PERMISSIONS.filter((p) => hasPermission(staff(LEAST_PRIVILEGED_STAFF_ROLE), p)))
      for (const role of ALL_STAFF) expect(hasPermission(staff(role), permission)).toBe(true);
  });
});
