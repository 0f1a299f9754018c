import type { Strategy } from 'passport';

export const LOGIN_PROVIDER_IDS = ['naver', 'kakao', 'google', 'oidc'] as const;
export type LoginProviderId = (typeof LOGIN_PROVIDER_IDS)[number];

export function isLoginProviderId(value: string): value is LoginProviderId {
  return (LOGIN_PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * One OAuth 2.0 / OpenID Connect account provider, logged in to through a Passport strategy in the
 * popup flow. The strategy's verify callback answers an `IdentityProfile` as Passport's "user".
 */
export interface LoginProvider {
  readonly id: LoginProviderId;
  /** The button label in the widget. */
  readonly name: string;
  readonly kind: 'oidc' | 'oauth2';
  /**
   * Builds the strategy. Called on first use, not at boot: OIDC discovery needs the IdP to answer,
   * and an IdP that is down must not stop the service from starting. The OAuth 2.0 providers need
   * no request, so they build theirs at once.
   */
  createStrategy(callbackUrl: string): Strategy | Promise<Strategy>;
}
