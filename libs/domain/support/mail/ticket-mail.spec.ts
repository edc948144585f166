import { withoutNationalIdentityNumbers } from '@domain/shared';
import { TemplateRenderer } from '@platform/mail';

import { endsWithSignOff, opensWithGreeting } from '../rules/letter-framing';
import { TICKET_REPLY_MAIL } from './ticket-reply.mail';

const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, withoutNationalIdentityNumbers);
const reply = (body: string) =>
  renderer.render(TICKET_REPLY_MAIL, {
    name: 'Åse Lønning',
    reference: 'HV-2030-0001',
    subject: 'Tilgang',
    body,
    ownGreeting: opensWithGreeting(body),
    ownSignOff: endsWithSignOff(body),
    inPortal: true,
  });

describe('the answer to a ticket', () => {
  it('greets and signs off for staff who wrote only the answer', () => {
    const { text, html } = reply('Rollen er delegert.');
    expect(text).toMatch(/^Hei Åse Lønning,\n\nRollen er delegert\./);
    expect(text).toContain('Vennlig hilsen\nKS brukerstøtte');
    expect(html).toContain('<p>Hei Åse Lønning,</p>');
  });

  it('adds neither when staff greeted and signed off themselves', () => {
    const { text, html } = reply('Hei Åse,\n\nRollen er delegert.\n\nMvh Kari');
    expect(text).toMatch(/^Hei Åse,\n\nRollen er delegert\.\n\nMvh Kari\n\nSvar på denne e-posten/);
    expect(text).not.toContain('Hei Åse Lønning');
    expect(text).not.toContain('Vennlig hilsen');
    expect(html).not.toContain('Vennlig hilsen');
  });
});
