/**
 * The site the desk works on: `/moderate?site=<id>` (none: the default site). Every API call and the
 * live stream name it, so the queues, the log and the logins are that site's.
 */
export function deskSiteHeaders(search: string = location.search): Record<string, string> {
  const site = new URLSearchParams(search).get('site');
  return site ? { 'x-comment-site': site } : {};
}
