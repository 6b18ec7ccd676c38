/** Base path of the public JSON API; the pages live outside it. */
export const API_PREFIX = 'api/v1';
