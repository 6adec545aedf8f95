import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** Demo handlers for Node tests; path bases match any origin, e.g. http://localhost/api/v1/meta. */
export const server = setupServer(...handlers);
