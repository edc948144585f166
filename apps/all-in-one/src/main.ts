import { launch } from '@composition';

import { API_ROLE } from '../../api/src/api-role';
import { WORKER_ROLE } from '../../worker/src/worker-role';

// `npm start`: API, admin UI and worker in one process, on the embedded database unless DATABASE_URL is set.
void launch([API_ROLE, WORKER_ROLE], { embeddedAllowed: true });
