import { launch } from '../../api/src/launch';

// The worker alone, for running beside API replicas against one PostgreSQL server.
void launch({ api: false, worker: true }, { embeddedAllowed: false });
