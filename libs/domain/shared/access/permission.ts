/**
 * Everything a principal may be allowed to do, named `<resource>.<action>`, with what it allows.
 * Which principals hold which permission is decided in one place: permission-map.ts.
 * Signing in and out and the public pages (health, login, password links) need none.
 */
export const PERMISSIONS = {
  'profile.read': 'See who one is signed in as (GET /api/v1/me).',

  'staff-user.manage': 'List, create and change staff users, and send them a password reset link (API and admin pages).',
  'staff-group.read': 'See the assignment groups (staff groups) with their categories and members, and the groups of a staff user.',
  'staff-group.manage': 'Create, rename, describe, archive and restore assignment groups, set their categories, add and remove members.',
  'api-token.manage':
    'List, create and revoke personal API tokens. Scope own: one’s own tokens; scope all: every staff member’s (listing all, revoking any).',
  'audit.read': 'Read the audit log.',
  'dashboard.read':
    'See the staff dashboards: reports, incidents and escalations per week, open incidents by age, the onboarding funnel, notice acknowledgements (figures, no report texts). Each panel also needs the read permission of its data.',
  'demo.load': 'Load the demonstration data into a new installation (the overview’s button; `npm run demo` needs none).',

  'mail.read': 'List the e-mail outbox and read a message, except those carrying a password or sign-in link.',
  'mail.read-credentials': 'Read outbox messages whose links act for their recipient (password, sign-in and notice acknowledgement links).',
  'inbound-mail.read': 'List the e-mail that came in and read each message (text with identity numbers masked), with where it was routed.',
  'mail.retry': 'Retry delivery of an outbox message now.',
  'domain-event.read': 'See the reactions between parts of the system (domain events): waiting, done and failed, with the last error.',
  'domain-event.retry': 'Give a failed domain event one more attempt now.',

  'catalogue.read': 'See Bilag 2: every version, the one in force, and what changed between two.',
  'catalogue.edit': 'Create, copy, change and delete draft versions of Bilag 2 and their services; load the seed catalogue.',
  'catalogue.publish': 'Publish a draft version of Bilag 2.',

  'consumer.search':
    'List and search the consumer registry, and see agreements about to expire. Staff only: a consumer never sees other consumers.',
  'consumer.read': 'See one consumer with its contacts, service access, onboarding and agreement. Scope own: a consumer sees itself.',
  'consumer.create': 'Register consumers, one by one or by importing a CSV file.',
  'consumer.update': 'Change a consumer: its details, contacts, agreement and service access.',
  'consumer-api-key.read': 'List the API keys of a consumer (never the keys themselves).',
  'consumer-api-key.manage': 'Create and revoke the API keys of a consumer.',
  'onboarding.read': 'See the onboarding queue.',
  'onboarding.manage': 'Advance a consumer’s onboarding, tick its checklist, and reorder the queue.',

  'knowledge-article.read':
    'Read the knowledge base, the articles suggested for a report’s symptoms or a text, and count a suggestion shown or one that solved the case.',
  'knowledge-article.write': 'Create and edit knowledge-base articles, restore an earlier version, publish and archive them.',

  'report.create':
    'Send a report (API, portal or staff form, with its suggestions step). Scope own: for oneself; scope all: on behalf of any consumer.',
  'report.read': 'See one report with its incident’s reference and status. Scope own: a consumer sees its own reports only.',
  'report.list-own': 'List one’s own reports (GET /api/v1/reports). Consumers only: staff work from the incident queue.',
  'report.reply':
    'Answer KS’s messages about one’s report, in the portal or through the API, and reopen it within the reopening window after its resolution. Consumers only.',
  'report.import': 'Import historical reports (grouped as if received at their time, without confirmations).',
  'report.reveal-personal-data': 'Read, with a reason that is audited, the original text of a report whose identity numbers were masked.',

  'incident.read':
    'See the incident queue and dashboard, an incident with its reports, timeline and merge proposals, and the escalation e-mail it would send.',
  'incident.triage': 'Set an incident’s side, severity, title and Skatteetaten case number.',
  'incident.escalate': 'Escalate an incident to Skatteetaten, and send a pending escalation at once.',
  'incident.resolve': 'Resolve an incident, notifying every affected consumer.',
  'incident.message':
    'Write in an incident’s conversation: answer Skatteetaten in the escalation thread, write to its affected municipalities, add internal notes.',
  'incident.regroup': 'Correct the grouping: merge and split incidents, move reports between them, accept or reject merge proposals.',

  'security-case.read':
    'Read a security or privacy case: its reports, checklist, timeline and evidence export. Others see only that a case exists and its deadline.',
  'security-case.manage': 'Record a security case’s checklist: the call to Skatteetaten, the municipality’s duty to notify, containment.',

  'change-request.read':
    'See change requests: staff the whole board with every text; a consumer those on services it has access to, other consumers’ texts only when KS made them public.',
  'change-request.submit':
    'Submit a change request for a service one has access to, and support another consumer’s (once). Consumers only.',
  'change-request.write':
    'Assess change requests (status, priority, public texts), merge and unmerge duplicates, and record Skatteetaten’s answer.',
  'change-request.forward': 'Forward a change request to Skatteetaten (once).',
  'ticket.read':
    'See tickets (henvendelser) with their public messages: staff every ticket with internal notes, links and timeline; a consumer its own, never the notes.',
  'ticket.open': 'Open a ticket. Scope own: a consumer for itself (API or portal); scope all: staff on behalf of a caller.',
  'ticket.reply': 'Write on one’s own ticket in the portal or the API (a waiting ticket opens again). Consumers only.',
  'ticket.manage':
    'Answer tickets (e-mailed) or write internal notes, set status, assignee, priority and tags, link, merge and unmerge, act on many at once.',
  'canned-response.manage': 'Create, change and delete canned responses and macros.',
  'notice.read': 'See change notices, their audience preview, deliveries, acknowledgements and reminders.',
  'notice.write': 'Create, change, schedule and withdraw change notices.',
  'notice.send': 'Send a change notice to its recipients now.',
  'notice-feed.manage': 'Subscribe to a feed of Skatteetaten’s and stop or resume reading one: the server fetches the address given.',
  'notice.acknowledge': 'See the notices that reached one’s organisation and confirm "read" or "ready". Consumers only.',

  'portal.use': 'Use the consumer portal (/portal): its start page and the organisation’s reports and report form. Consumers only.',
} as const satisfies Record<string, string>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
