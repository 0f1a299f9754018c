import type { UserView } from './users.js';

export type ProviderKind = 'oauth2' | 'oidc' | 'sso' | 'dev';

/** A configured way to log in (`GET /auth/providers`). */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  loginUrl: string;
}

export interface ProviderList {
  providers: ProviderView[];
}

/** The answer to a login: the bearer token, when it ends, and who it is for. */
export interface SessionView {
  accessToken: string;
  expiresAt: string;
  user: UserView;
}

/** A login the widget kept in this browser (`POST /auth/session`): the session, and when it was issued. */
export interface KeptSessionView extends SessionView {
  issuedAt: string;
}
