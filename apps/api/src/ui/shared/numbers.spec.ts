import Handlebars from 'handlebars';

import { countOf, decimal, nounForms, pluralForm } from './numbers';
import { registerHelpers } from './view-engine';

const incident = { one: 'hendelse', other: 'hendelser' };

describe('counts and numbers in bokmål', () => {
  it.each<[number, string]>([
    [0, '0 hendelser'],
    [1, '1 hendelse'],
    [2, '2 hendelser'],
    [1.5, '1,5 hendelser'],
    [21, '21 hendelser'],
    [1234, '1\u00a0234 hendelser'],
  ])('%d → %s', (n, expected) => {
    expect(countOf(n, incident)).toBe(expected);
  });

  it('writes decimals with a comma', () => {
    expect([decimal(0.5, 2), decimal(0.123, 2), decimal(1, 2)]).toEqual(['0,50', '0,12', '1,00']);
  });

  it('names the form only', () => {
    expect([0, 1, 2].map((n) => pluralForm(n, incident))).toEqual(['hendelser', 'hendelse', 'hendelser']);
  });

  it('refuses a noun the texts do not have, instead of rendering half a sentence', () => {
    expect(nounForms('consumer')).toEqual({ one: 'konsument', other: 'konsumenter' });
    expect(() => nounForms('konsument')).toThrow(/no plural forms/);
    expect(() => nounForms('toString')).toThrow(/no plural forms/);
  });

  it('is what views use: count, noun, and the forms for numbers updated in place', () => {
    const hb = Handlebars.create();
    registerHelpers(hb);
    const render = (source: string, data: object) => hb.compile(source)(data);
    expect(render('{{count n "consumer"}}', { n: 1 })).toBe('1 konsument');
    expect(render('{{count n "consumer"}}', { n: 3 })).toBe('3 konsumenter');
    expect(render('{{n}} {{noun n "affectedMunicipality"}}', { n: 1 })).toBe('1 berørt kommune');
    expect(render('<span {{nounForms "report"}}>', {})).toBe('<span data-one="melding" data-other="meldinger">');
    expect(() => render('{{count n "hendelse"}}', { n: 1 })).toThrow(/no plural forms/);
  });
});
