import { useState } from 'preact/hooks';
import type { ProviderView, SessionView } from '@/contract/auth.js';
import { loginInPopup } from '@widget/shared/auth/popup-login.js';
import type { ModerationApi } from '../api/moderation-api.js';
import { usePageText } from '../page-text.js';
import { DevLoginForm } from './DevLoginForm.js';

/** Starts a login; called from the click itself, or browsers block the popup. */
export type LoginRequest = () => Promise<SessionView>;

interface LoginPanelProps {
  api: ModerationApi;
  /** null while they load. */
  providers: ProviderView[] | null;
  busy: boolean;
  error: string | null;
  onLogIn: (request: LoginRequest) => void;
}

/**
 * A button per configured provider. Publisher SSO is left out: its token comes from a publisher's
 * article page, which the moderator page is not.
 */
export function LoginPanel({ api, providers, busy, error, onLogIn }: LoginPanelProps) {
  const { t } = usePageText();
  const [devProvider, setDevProvider] = useState<ProviderView | null>(null);
  const usable = (providers ?? []).filter((provider) => provider.kind !== 'sso');

  return (
    <section class="panel login" aria-labelledby="login-heading">
      <h2 id="login-heading">{t.loginHeading}</h2>
      <p>{t.loginIntro}</p>
      {providers === null ? (
        <p class="muted">{t.loading}</p>
      ) : devProvider ? (
        <DevLoginForm busy={busy} onSubmit={(name, role) => onLogIn(() => api.devLogin(name, role))} onCancel={() => setDevProvider(null)} />
      ) : usable.length === 0 ? (
        <p>{t.noProviders}</p>
      ) : (
        <div class="providers">
          {usable.map((provider) => (
            <button
              key={provider.id}
              type="button"
              class="button"
              disabled={busy}
              onClick={() => (provider.kind === 'dev' ? setDevProvider(provider) : onLogIn(() => loginInPopup(provider.loginUrl)))}
            >
              {provider.name}
            </button>
          ))}
        </div>
      )}
      <div aria-live="polite">{error && <p class="notice notice-error">{error}</p>}</div>
    </section>
  );
}
