import { endsWithSignOff, opensWithGreeting } from './letter-framing';

describe('the framing staff wrote themselves', () => {
  it.each([
    ['Hei Åse,\n\nDere må delegere rollen.', true],
    ['hei,\nTakk for meldingen.', true],
    ['Hallo!', true],
    ['God morgen, Kari', true],
    ['Kjære alle', true],
    ['  \nHei igjen', true],
    ['Dere må delegere rollen.\nHei hei', false],
    ['Heisenberg-feilen er rettet.', false],
    ['Tilgangen er gitt.', false],
    ['', false],
  ])('%j opens with a greeting: %s', (body, expected) => {
    expect(opensWithGreeting(body)).toBe(expected);
  });

  it.each([
    ['Rollen er delegert.\n\nMvh Kari', true],
    ['Rollen er delegert.\n\nVennlig hilsen\nKari Nordmann\nKS brukerstøtte', true],
    ['Rollen er delegert.\nMed vennlig hilsen Kari', true],
    ['Rollen er delegert.\n\nHilsen Kari\n\n', true],
    ['Rollen er delegert.\nTakk og hilsen Ola', true],
    ['Vennlig hilsen Kari\n\nPS: Husk å logge inn.\nSe lenken.\nHa en fin dag.', false],
    ['Hilsen fra oss sendes ikke.\nRollen er delegert.\nSe portalen.\nGi beskjed.', false],
    ['Rollen er delegert.', false],
    ['', false],
  ])('%j ends with a sign-off: %s', (body, expected) => {
    expect(endsWithSignOff(body)).toBe(expected);
  });
});
