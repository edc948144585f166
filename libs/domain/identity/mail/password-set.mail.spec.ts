import { withoutNationalIdentityNumbers } from '@domain/shared';
import { TemplateRenderer } from '@platform/mail';

import { PASSWORD_SET_MAIL, type PasswordSetMail } from './password-set.mail';

describe('the password-set e-mail', () => {
  const renderer = new TemplateRenderer({ publicUrl: 'https://desk.test', ksContact: 'KS brukerstøtte' }, withoutNationalIdentityNumbers);
  const data: PasswordSetMail = {
    name: 'Øyvind <Ås> & Co',
    link: 'https://desk.test/password/pw_abc?x=1&y=2',
    expiresAt: new Date('2030-06-01T10:00:00Z'),
    reset: false,
  };

  it.each([
    [
      'a new account',
      false,
      'Velkommen til segmentdesken – velg passord',
      'Du har fått tilgang til segmentdesken til KS.',
      'Venter du ikke denne tilgangen',
    ],
    [
      'a reset',
      true,
      'Tilbakestill passordet ditt i segmentdesken',
      'Vi har fått en forespørsel om å tilbakestille passordet ditt.',
      'Har du ikke bedt om dette',
    ],
  ])('for %s has its own subject, opening and closing', (_case, reset, subject, opening, closing) => {
    const mail = renderer.render(PASSWORD_SET_MAIL, { ...data, reset });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(opening);
    expect(mail.text).toContain(closing);
    expect(mail.text).toContain('Vennlig hilsen\nKS brukerstøtte');
  });

  it('carries the link escaped in HTML and as it is in text, with its expiry in Oslo time', () => {
    const { html, text } = renderer.render(PASSWORD_SET_MAIL, data);
    expect(html).toContain('Hei Øyvind &lt;Ås&gt; &amp; Co,');
    expect(html).toContain('href="https://desk.test/password/pw_abc?x&#x3D;1&amp;y&#x3D;2"');
    expect(text).toContain('Hei Øyvind <Ås> & Co,');
    expect(text).toContain('Velg passord: https://desk.test/password/pw_abc?x=1&y=2');
    // 10:00 UTC is 12:00 in Oslo in summer.
    expect(text).toContain('utløper 01.06.2030, 12:00');
  });
});
