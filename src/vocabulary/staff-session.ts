/**
 * The staff session cookie's name: the auth guard reads it, the OpenAPI document names it
 * as a security scheme.
 *
 * `__Host-`: the browser keeps it only if Secure, Path=/ and without Domain, so no
 * sibling subdomain can set or shadow it. Browsers treat http://localhost as secure, so
 * plain-HTTP development keeps working as before.
 */
export const SESSION_COOKIE = '__Host-ri_session';
