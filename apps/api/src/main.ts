import { launch } from './launch';

// The API alone, for running several replicas against one PostgreSQL server.
void launch({ api: true, worker: false }, { embeddedAllowed: false });
