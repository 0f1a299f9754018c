import { z } from 'zod';

/**
 * The login providers an operator can switch on (Generic OpenID Connect, Google, Naver, Kakao), each
 * enabled only when its client id is set. Endpoint overrides exist so a test or a staging setup can
 * point a strategy at another server; they default to the providers' documented endpoints.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS, or plain HTTP on a loopback address (a local IdP in development and tests). */
const endpointUrl = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return value;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: `"${value}" must be an https:// URL (http:// only on a loopback address)` });
  return z.NEVER;
});

const clientId = z.string().min(1).max(512);
const clientSecret = z.string().min(1).max(1024);

export const loginProviderEnvShape = {
  /** Signs and encrypts the short-lived login transaction cookie; unset: a random secret per process. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),

  OIDC_ISSUER: endpointUrl.optional(),
  OIDC_CLIENT_ID: clientId.optional(),
  OIDC_CLIENT_SECRET: clientSecret.optional(),
  OIDC_NAME: z.string().trim().min(1).max(60).default('OpenID Connect'),
  OIDC_SCOPES: z.string().trim().min(1).default('openid profile email'),

  GOOGLE_CLIENT_ID: clientId.optional(),
  GOOGLE_CLIENT_SECRET: clientSecret.optional(),
  GOOGLE_AUTHORIZATION_URL: endpointUrl.default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: endpointUrl.default('https://oauth2.googleapis.com/token'),
  GOOGLE_USERINFO_URL: endpointUrl.default('https://openidconnect.googleapis.com/v1/userinfo'),

  NAVER_CLIENT_ID: clientId.optional(),
  NAVER_CLIENT_SECRET: clientSecret.optional(),
  NAVER_AUTHORIZATION_URL: endpointUrl.default('https://nid.naver.com/oauth2.0/authorize'),
  NAVER_TOKEN_URL: endpointUrl.default('https://nid.naver.com/oauth2.0/token'),
  NAVER_USERINFO_URL: endpointUrl.default('https://openapi.naver.com/v1/nid/me'),

  KAKAO_CLIENT_ID: clientId.optional(),
  KAKAO_CLIENT_SECRET: clientSecret.optional(),
  KAKAO_AUTHORIZATION_URL: endpointUrl.default('https://kauth.kakao.com/oauth/authorize'),
  KAKAO_TOKEN_URL: endpointUrl.default('https://kauth.kakao.com/oauth/token'),
  KAKAO_USERINFO_URL: endpointUrl.default('https://kapi.kakao.com/v2/user/me'),
};

type LoginProviderEnv = z.infer<z.ZodObject<typeof loginProviderEnvShape>>;

export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only, token endpoint auth `none`). */
  clientSecret: string | undefined;
  name: string;
  /** Always includes `openid`. */
  scopes: string[];
}

export interface OAuth2ProviderConfig {
  clientId: string;
  /** Kakao's client secret is optional (a console setting); Google and Naver require one. */
  clientSecret: string | undefined;
  authorizationUrl: string;
  tokenUrl: string;
  userInfoUrl: string;
}

export interface LoginProvidersConfig {
  oidc?: OidcProviderConfig;
  google?: OAuth2ProviderConfig;
  naver?: OAuth2ProviderConfig;
  kakao?: OAuth2ProviderConfig;
}

export interface SessionSecretConfig {
  value: string;
  /** True when SESSION_SECRET was unset: logins then only complete on the instance that started them. */
  generated: boolean;
}

/** Names of variables set in a way that cannot work (a client id without its secret, ...). */
export function loginProviderProblems(env: LoginProviderEnv): string[] {
  const problems: string[] = [];
  const requireWith = (present: string, needed: string, value: unknown): void => {
    if (value === undefined) problems.push(`${needed}: required when ${present} is set`);
  };
  if (env.OIDC_ISSUER !== undefined || env.OIDC_CLIENT_ID !== undefined) {
    requireWith('OIDC_CLIENT_ID', 'OIDC_ISSUER', env.OIDC_ISSUER);
    requireWith('OIDC_ISSUER', 'OIDC_CLIENT_ID', env.OIDC_CLIENT_ID);
  }
  if (env.GOOGLE_CLIENT_ID !== undefined) requireWith('GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', env.GOOGLE_CLIENT_SECRET);
  if (env.NAVER_CLIENT_ID !== undefined) requireWith('NAVER_CLIENT_ID', 'NAVER_CLIENT_SECRET', env.NAVER_CLIENT_SECRET);
  return problems;
}

export function readLoginProviders(env: LoginProviderEnv): LoginProvidersConfig {
  const providers: LoginProvidersConfig = {};
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID) {
    const scopes = env.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean);
    providers.oidc = {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      name: env.OIDC_NAME,
      scopes: scopes.includes('openid') ? scopes : ['openid', ...scopes],
    };
  }
  if (env.GOOGLE_CLIENT_ID) {
    providers.google = oauth2(env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET, env.GOOGLE_AUTHORIZATION_URL, env.GOOGLE_TOKEN_URL, env.GOOGLE_USERINFO_URL);
  }
  if (env.NAVER_CLIENT_ID) {
    providers.naver = oauth2(env.NAVER_CLIENT_ID, env.NAVER_CLIENT_SECRET, env.NAVER_AUTHORIZATION_URL, env.NAVER_TOKEN_URL, env.NAVER_USERINFO_URL);
  }
  if (env.KAKAO_CLIENT_ID) {
    providers.kakao = oauth2(env.KAKAO_CLIENT_ID, env.KAKAO_CLIENT_SECRET, env.KAKAO_AUTHORIZATION_URL, env.KAKAO_TOKEN_URL, env.KAKAO_USERINFO_URL);
  }
  return providers;
}

function oauth2(clientId: string, clientSecret: string | undefined, authorizationUrl: string, tokenUrl: string, userInfoUrl: string): OAuth2ProviderConfig {
  return { clientId, clientSecret, authorizationUrl, tokenUrl, userInfoUrl };
}
