import type { Request } from 'express';
import type { Strategy } from 'passport';
import * as client from 'openid-client';
import { type AuthenticateOptions, Strategy as OpenIdClientStrategy, type VerifyFunction } from 'openid-client/passport';
import type { OidcProviderConfig } from '@/config/oauth-config.js';
import type { IdentityProfile } from '../auth.types.js';
import type { LoginProvider } from './login-provider.js';
import { displayNameFrom, emailFrom, isVerified, subjectFrom } from './profile-fields.js';

const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * Any OpenID Connect provider, through openid-client and its Passport strategy: discovery,
 * authorization code flow with PKCE (S256), `state` and `nonce`, and the ID token checked for
 * issuer, audience, expiry, nonce and its signature against the provider's JWKS.
 */
export function oidcLoginProvider(settings: OidcProviderConfig): LoginProvider {
  return {
    id: 'oidc',
    name: settings.name,
    kind: 'oidc',
    createStrategy: async (callbackUrl) => {
      const configuration = await discover(settings);
      const strategy = new PopupOidcStrategy(
        { config: configuration, name: 'oidc', sessionKey: 'oidc', callbackURL: callbackUrl, scope: settings.scopes.join(' ') },
        verifyWith(configuration),
      );
      // openid-client declares `implements passport.Strategy` with a stricter `this` than @types/passport's.
      return strategy as unknown as Strategy;
    },
  };
}

async function discover(settings: OidcProviderConfig): Promise<client.Configuration> {
  const execute = [
    // The token endpoint is reached over TLS, which openid-client deems enough; checking the ID
    // token's signature against the JWKS as well is what refuses a token altered on the way.
    client.enableNonRepudiationChecks,
  ];
  // Plain HTTP is only ever allowed for a loopback issuer (checked in the config): a local IdP.
  if (new URL(settings.issuer).protocol === 'http:') execute.push(client.allowInsecureRequests);
  return client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    settings.clientSecret ? { client_secret: settings.clientSecret } : undefined,
    // client_secret_basic is the OIDC default registration; a public client authenticates with PKCE only.
    settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
    { execute, timeout: DISCOVERY_TIMEOUT_SECONDS },
  );
}

/**
 * openid-client's strategy sends `state` only to servers without PKCE and `nonce` only with
 * implicit or hybrid flows; both are asked for here on every request, and the strategy keeps and
 * checks whatever parameters the authorization request carries.
 */
class PopupOidcStrategy extends OpenIdClientStrategy {
  override authorizationRequestParams<TOptions extends AuthenticateOptions>(req: Request, options: TOptions): URLSearchParams {
    const params = new URLSearchParams(super.authorizationRequestParams(req, options));
    params.set('state', client.randomState());
    params.set('nonce', client.randomNonce());
    return params;
  }

  /** Only the query matters here: the origin comes from the configured callback URL, never from Host headers. */
  override currentUrl(req: Request): URL {
    return new URL(req.originalUrl ?? req.url, 'http://callback.invalid');
  }
}

/**
 * The strategy's verify callback. openid-client awaits a promise from it, but its type says it returns
 * nothing, so the identity is read apart and handed to `done`, a refusal or an error included.
 */
function verifyWith(configuration: client.Configuration): VerifyFunction {
  return (tokens, done) => {
    identityFrom(configuration, tokens).then(
      (identityOrRefusal) => {
        if (typeof identityOrRefusal === 'string') done(null, false, { message: identityOrRefusal });
        else done(null, identityOrRefusal);
      },
      (error: unknown) => {
        done(error);
      },
    );
  };
}

/** The identity the provider vouched for, or why it is refused. */
async function identityFrom(
  configuration: client.Configuration,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): Promise<IdentityProfile | string> {
  const { issuer, userinfo_endpoint: userInfoEndpoint } = configuration.serverMetadata();
  const idToken = tokens.claims();
  if (!idToken) return 'The provider answered without an ID token.';
  let claims: Record<string, unknown> = idToken;
  // Many providers keep profile claims out of the ID token when an access token comes with it.
  if ((idToken.email === undefined || idToken.name === undefined) && userInfoEndpoint) {
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    claims = { ...userInfo, ...idToken };
  }
  const sub = subjectFrom(idToken.sub);
  if (!sub) return 'The ID token has no usable subject.';
  const email = emailFrom(claims.email);
  return {
    provider: 'oidc',
    // A subject is unique only within its issuer: should OIDC_ISSUER ever change, another
    // provider's "alice" must not become this one's.
    subject: `${issuer}#${sub}`,
    displayName: displayNameFrom([claims.name, claims.preferred_username, claims.nickname], sub),
    email,
    emailVerified: email !== undefined && isVerified(claims.email_verified),
  };
}
