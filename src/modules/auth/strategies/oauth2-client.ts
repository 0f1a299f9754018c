// passport-oauth2 keeps its HTTP client (node-oauth's OAuth2) in the "protected" `_oauth2`
// property. The few adjustments the provider strategies need on it are made here, in one place.

interface NodeOAuth2Client {
  _authorizeUrl: string;
  _accessTokenUrl: string;
  _baseSite: string;
  useAuthorizationHeaderforGET(useIt: boolean): void;
}

interface OAuth2StrategyInternals {
  _oauth2: NodeOAuth2Client;
  _userProfileURL?: string;
}

function internals(strategy: object): OAuth2StrategyInternals {
  const view = strategy as Partial<OAuth2StrategyInternals>;
  if (!view._oauth2 || typeof view._oauth2.useAuthorizationHeaderforGET !== 'function') {
    throw new TypeError('not a passport-oauth2 strategy');
  }
  return view as OAuth2StrategyInternals;
}

/**
 * Profile requests send the access token as `Authorization: Bearer`, as the providers document,
 * instead of node-oauth's default `?access_token=` query parameter, which ends up in access logs.
 */
export function authorizationHeaderForProfileRequests(strategy: object): void {
  internals(strategy)._oauth2.useAuthorizationHeaderforGET(true);
}

/** For a strategy that hard-codes its endpoints (passport-kakao): use the configured ones. */
export function pointStrategyAt(strategy: object, endpoints: { authorizationUrl: string; tokenUrl: string; userInfoUrl: string }): void {
  const target = internals(strategy);
  target._oauth2._baseSite = '';
  target._oauth2._authorizeUrl = endpoints.authorizationUrl;
  target._oauth2._accessTokenUrl = endpoints.tokenUrl;
  target._userProfileURL = endpoints.userInfoUrl;
}
