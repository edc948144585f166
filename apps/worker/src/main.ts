import { launch } from '@composition';

import { WORKER_ROLE } from './worker-role';

// The worker alone, for running beside API replicas against one PostgreSQL server.
void launch([WORKER_ROLE], { embeddedAllowed: false });
