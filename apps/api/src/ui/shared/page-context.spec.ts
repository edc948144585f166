import { errorPageModel, errorPageTexts } from './page-context';
import { ERROR_PAGE_TITLE, ERROR_STATUS_TEXTS, SHARED_ERROR_TEXTS } from './shared.texts.nb';

describe('errorPageModel', () => {
  const texts = { consumer_not_found: 'Fant ikke konsumenten.', not_found: 'Fant ikke API-nøkkelen.' };

  it.each([
    ['a page text for the code', 404, 'consumer_not_found', 'Fant ikke konsumenten.'],
    ['a shared text for the code', 403, 'csrf_failed', SHARED_ERROR_TEXTS.csrf_failed],
    ['the status when the code is unknown', 404, 'not_found_somewhere', ERROR_STATUS_TEXTS[404]],
    ['the 500 text for any server error', 503, 'internal_error_x', ERROR_STATUS_TEXTS[500]],
    ['a generic text for an unusual status', 418, 'teapot', ERROR_STATUS_TEXTS[400]],
    ['the shared text for a shared code, though a part words it for its own object', 404, 'not_found', SHARED_ERROR_TEXTS.not_found],
    ['the status for a name only an object prototype has', 404, 'constructor', ERROR_STATUS_TEXTS[404]],
  ])('uses %s', (_label, status, code, message) => {
    expect(errorPageModel({ status, code }, texts)).toEqual({ title: ERROR_PAGE_TITLE, message });
  });
});

describe('errorPageTexts', () => {
  it('keeps each part’s codes, and a code parts word alike once', () => {
    expect(
      errorPageTexts([
        { errors: { consumer_not_found: 'Fant ikke konsumenten.', forbidden_here: 'Nei.' } },
        { fields: {} },
        { errors: { forbidden_here: 'Nei.', ticket_closed: 'Saken er lukket.' } },
      ]),
    ).toEqual({ consumer_not_found: 'Fant ikke konsumenten.', forbidden_here: 'Nei.', ticket_closed: 'Saken er lukket.' });
  });

  it('leaves out a code parts word differently, whatever their order', () => {
    const pages = [
      { errors: { validation_failed: 'Skjemaet har feil.' } },
      { errors: { validation_failed: 'Skjemaet har feil.' } },
      { errors: { validation_failed: 'Endringen ble ikke lagret.' } },
    ];
    expect(errorPageTexts(pages)).toEqual({});
    expect(errorPageTexts([...pages].reverse())).toEqual({});
  });
});
