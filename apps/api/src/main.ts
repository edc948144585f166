import { launch } from '@composition';

import { API_ROLE } from './api-role';

// The API alone, for running several replicas against one PostgreSQL server.
void launch([API_ROLE], { embeddedAllowed: false });
