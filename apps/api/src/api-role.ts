import type { ProcessRole } from '@composition';

import { ApiModule } from './api.module';
import { configureHttp } from './configure-http';
import { answerClientError, answerFrameworkError } from './http/problem.filter';

/** The HTTP API, the admin UI and the consumer portal. */
export const API_ROLE: ProcessRole = { name: 'api', module: ApiModule, configureHttp, answerFrameworkError, answerClientError };
