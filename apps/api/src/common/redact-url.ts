/** Query parameters that carry credentials (the event stream's ticket, a legacy access token): never logged. */
const SECRET_PARAMETERS = /([?&](?:access_token|ticket|token|refresh_token)=)[^&#]*/gi;

/** The URL with credential parameters replaced by [Redacted]. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PARAMETERS, '$1[Redacted]');
}

/** A parsed query with the same parameters redacted. */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, /^(access_token|ticket|token|refresh_token)$/i.test(key) ? '[Redacted]' : value]));
}
