import type { HttpClient } from './http-client.js';

/**
 * Stores the policy in force as the next version with the daily and per-article quotas off, for
 * tests that post far more comments as one author than a reader could (the quotas have their own
 * tests).
 */
export async function turnOffQuotas(http: HttpClient, adminToken: string): Promise<void> {
  const { definition } = (await http.get('/api/v1/policy/rules', { token: adminToken })).body;
  const quotas = Object.fromEntries(Object.entries(definition.quotas as Record<string, object>).map(([name, quota]) => [name, { ...quota, enabled: false }]));
  const response = await http.put(
    '/api/v1/policy/rules',
    { definition: { ...definition, version: definition.version + 1, quotas }, reason: 'tests: quotas off' },
    { token: adminToken },
  );
  if (response.status !== 200) throw new Error(`turning the quotas off failed: ${response.status} ${response.text}`);
}
