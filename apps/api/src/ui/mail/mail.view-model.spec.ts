import type { OutboxMessage } from '@platform/mail';

import { parseListQuery } from '../shared/list-query';
import { MAIL_LIST, mailListViewModel } from './mail.view-model';

const message = { id: 'm1', subject: 'Hei', to: ['a@example.test'], status: 'sent' } as OutboxMessage;

describe('mailListViewModel', () => {
  it('lists the newest first, counts them and keeps the status filter in the sort links', () => {
    const model = mailListViewModel({ items: [message], total: 120 }, 'sent', parseListQuery({}, MAIL_LIST));
    expect(model.pagination.summary).toBe('Viser 1–50 av 120 e-poster');
    expect(model.pagination.next).toBe('/mail?status=sent&page=2');
    expect(model.columns[0]).toMatchObject({ label: 'Laget', ariaSort: 'descending', href: '/mail?status=sent&sort=created&dir=asc' });
    expect(model.columns[1]).toMatchObject({ label: 'Emne', ariaSort: undefined, href: '/mail?status=sent&sort=subject&dir=asc' });
    expect(model.columns[2]).toEqual({ sortable: false, label: 'Til' });
  });

  it('falls back to the newest first for a sort it does not know', () => {
    const model = mailListViewModel({ items: [], total: 0 }, undefined, parseListQuery({ sort: 'html', page: 'x' }, MAIL_LIST));
    expect(model.columns[0]).toMatchObject({ ariaSort: 'descending' });
    expect(model.pagination.summary).toBe('Ingen treff');
  });

  it('names an e-mail about a security case the reader may not see without its subject', () => {
    const model = mailListViewModel(
      { items: [{ ...message, subject: '', restricted: true }], total: 1 },
      undefined,
      parseListQuery({}, MAIL_LIST),
    );
    expect(model.messages[0].subject).toBe('Sikkerhetssak (innholdet er skjermet)');
  });
});
