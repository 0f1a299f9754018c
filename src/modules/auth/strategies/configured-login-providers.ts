import type { LoginProvidersConfig } from '@/config/oauth-config.js';
import { googleLoginProvider } from './google.strategy.js';
import { kakaoLoginProvider } from './kakao.strategy.js';
import { LOGIN_PROVIDER_IDS, type LoginProvider, type LoginProviderId } from './login-provider.js';
import { naverLoginProvider } from './naver.strategy.js';
import { oidcLoginProvider } from './oidc.strategy.js';

/** The providers whose variables are set, in the order the widget shows them (LOGIN_PROVIDER_IDS). */
export function configuredLoginProviders(settings: LoginProvidersConfig): LoginProvider[] {
  const build: { [id in LoginProviderId]: () => LoginProvider | undefined } = {
    naver: () => (settings.naver ? naverLoginProvider(settings.naver) : undefined),
    kakao: () => (settings.kakao ? kakaoLoginProvider(settings.kakao) : undefined),
    google: () => (settings.google ? googleLoginProvider(settings.google) : undefined),
    oidc: () => (settings.oidc ? oidcLoginProvider(settings.oidc) : undefined),
  };
  return LOGIN_PROVIDER_IDS.map((id) => build[id]()).filter((provider): provider is LoginProvider => provider !== undefined);
}
