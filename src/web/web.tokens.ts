/** Injection token of the CSRF tools shared by the HTTP pipeline and the page guard. */
export const CSRF = Symbol('CSRF');
