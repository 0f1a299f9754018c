import { ApiError } from '@widget/shared/api/api-error.js';
import type { Api } from '../api/client.js';
import type { ProviderView, SessionView } from '@/contract/auth.js';
import { loginInPopup } from '@widget/shared/auth/popup-login.js';

/** What a provider needs from the reader or the host page before it can log in. */
export interface LoginInput {
  /** `dev`: the display name the reader typed. */
  displayName?: string;
  /** `sso`: the publisher's signed token, handed over by the host page. */
  ssoToken?: string | null;
}

/**
 * Logs the reader in with one provider and resolves to the session (kept in memory only).
 * One branch per provider kind; a new kind adds a branch here and nothing else changes:
 * - `dev`: the local demo login, with the name the reader chose;
 * - `sso`: the publisher's token traded at the service;
 * - `oauth2` / `oidc`: the provider's page in a popup, which answers with a postMessage from the
 *   service's own origin (see popup-login.ts).
 */
export function loginWithProvider(api: Api, provider: ProviderView, input: LoginInput = {}): Promise<SessionView> {
  switch (provider.kind) {
    case 'dev':
      return api.devLogin(input.displayName ?? '');
    case 'sso':
      if (!input.ssoToken) return Promise.reject(new ApiError('SSO_TOKEN_MISSING', 'No token from the publisher page.'));
      return api.ssoLogin(input.ssoToken);
    case 'oauth2':
    case 'oidc':
      return loginInPopup(provider.loginUrl);
  }
}
