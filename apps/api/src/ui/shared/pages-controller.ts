import { applyDecorators, Controller, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { PageContextInterceptor } from './page-context';

/** A controller of HTML pages: not part of the API document, every page gets the page context. */
export const PagesController = (path = '') =>
  applyDecorators(ApiExcludeController(), Controller(path), UseInterceptors(PageContextInterceptor));
