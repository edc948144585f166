import { errorPageModel } from './page-context';
import { ERROR_PAGE_TITLE, ERROR_STATUS_TEXTS, SHARED_ERROR_TEXTS } from './shared.texts.nb';

describe('errorPageModel', () => {
  const texts = { consumer_not_found: 'Fant ikke konsumenten.' };

  it.each([
    ['a page text for the code', 404, 'consumer_not_found', 'Fant ikke konsumenten.'],
    ['a shared text for the code', 403, 'csrf_failed', SHARED_ERROR_TEXTS.csrf_failed],
    ['the status when the code is unknown', 404, 'not_found_somewhere', ERROR_STATUS_TEXTS[404]],
    ['the 500 text for any server error', 503, 'internal_error_x', ERROR_STATUS_TEXTS[500]],
    ['a generic text for an unusual status', 418, 'teapot', ERROR_STATUS_TEXTS[400]],
  ])('uses %s', (_label, status, code, message) => {
    expect(errorPageModel({ status, code }, texts)).toEqual({ title: ERROR_PAGE_TITLE, message });
  });
});
