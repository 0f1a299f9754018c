/**
 * The site the desk works on: `/moderate?site=<id>` (none: the default site). Every API call and the
 * live stream name it, so the queues, the log and the logins are that site's. An operator picks
 * another site on the page, which changes the address, so the next call already names it.
 */
export function deskSiteHeaders(search: string = location.search): Record<string, string> {
  const site = deskSite(search);
  return site ? { 'x-comment-site': site } : {};
}

/** The site the address names, or null for the default site. */
export function deskSite(search: string = location.search): string | null {
  return new URLSearchParams(search).get('site') || null;
}

/** Names another site in the address (null: the default one), keeping the rest of it. */
export function chooseDeskSite(site: string | null): void {
  const params = new URLSearchParams(location.search);
  if (site) params.set('site', site);
  else params.delete('site');
  const text = params.toString();
  history.replaceState(history.state, '', location.pathname + (text ? `?${text}` : ''));
}
