import { findFreePort } from '@/database/free-port.js';

/**
 * A port and PUBLIC_URL for a test app that OAuth providers must redirect back to: the callback URL
 * (PUBLIC_URL + /api/v1/auth/<provider>/callback) has to be known before the app starts.
 */
export async function reserveAppUrl(): Promise<{ url: string; env: { PORT: string; PUBLIC_URL: string } }> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  return { url, env: { PORT: String(port), PUBLIC_URL: url } };
}
