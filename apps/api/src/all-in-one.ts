import { launch } from './launch';

// `npm start`: API, admin UI and worker in one process, on the embedded database unless DATABASE_URL is set.
void launch({ api: true, worker: true }, { embeddedAllowed: true });
