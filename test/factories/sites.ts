import type { HttpClient } from '../helpers/http-client.js';
import { SiteHttpClient } from '../helpers/site-client.js';

let counter = 0;

/**
 * A second site, created by an operator through the sites API, and a client whose requests are for it:
 * `const { http: english } = await aSite(t.http, operator.token, { accountability: { publicProfiles: false } })`.
 */
export async function aSite(
  http: HttpClient,
  operatorToken: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; http: SiteHttpClient; view: Record<string, unknown> }> {
  const id = (fields.id as string | undefined) ?? `site-${process.pid}-${++counter}`;
  const response = await http.post('/api/v1/sites', { name: `Site ${id}`, ...fields, id }, { token: operatorToken });
  if (response.status !== 201) throw new Error(`site setup failed: ${response.status} ${response.text}`);
  return { id, http: new SiteHttpClient(http.baseUrl, id), view: response.body };
}
