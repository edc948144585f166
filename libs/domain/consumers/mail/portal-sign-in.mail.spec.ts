import { withoutNationalIdentityNumbers } from '@domain/shared';
import { TemplateRenderer } from '@platform/mail';

import { PORTAL_SIGN_IN_MAIL } from './portal-sign-in.mail';

describe('the portal sign-in e-mail', () => {
  const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, withoutNationalIdentityNumbers);
  const mail = renderer.render(PORTAL_SIGN_IN_MAIL, {
    name: 'Kari',
    links: [
      { organisation: 'Oslo kommune', link: 'https://desk.test/portal/login/a' },
      { organisation: 'Bergen kommune', link: 'https://desk.test/portal/login/b' },
    ],
    expiresAt: new Date('2030-01-10T08:15:00Z'),
  });

  it('offers one link per organisation the contact belongs to', () => {
    expect(mail.subject).toBe('Innloggingslenke til konsumentportalen til KS');
    expect(mail.text).toContain('Logg inn for Oslo kommune: https://desk.test/portal/login/a');
    expect(mail.text).toContain('Logg inn for Bergen kommune: https://desk.test/portal/login/b');
    expect(mail.html).toContain('<a href="https://desk.test/portal/login/b">Logg inn for Bergen kommune</a>');
    expect(mail.text).toContain('utløper 10.01.2030, 09:15');
  });

  it.each([
    ['two links', 2, 'Hver lenke kan brukes én gang'],
    ['one link', 1, 'Lenken kan brukes én gang'],
  ])('speaks of its links as they are: %s', (_case, count, sentence) => {
    const links = [
      { organisation: 'Oslo kommune', link: 'https://desk.test/portal/login/a' },
      { organisation: 'Bergen kommune', link: 'https://desk.test/portal/login/b' },
    ].slice(0, count);
    const rendered = renderer.render(PORTAL_SIGN_IN_MAIL, { name: 'Kari', links, expiresAt: new Date('2030-01-10T08:15:00Z') });
    expect(rendered.text).toContain(sentence);
    expect(rendered.html).toContain(sentence);
  });
});
