import { useState } from 'preact/hooks';
import type { ProviderView } from '@/contract/auth.js';
import type { LoginInput } from '../auth/login.js';
import { AccountSettings } from '../account/AccountSettings.js';
import { useWidget } from '../widget-context.js';
import { DevLoginForm } from './DevLoginForm.js';

interface AccountPanelProps {
  providers: ProviderView[];
  busy: boolean;
  logIn: (provider: ProviderView, input: LoginInput) => void;
  logOut: () => void;
}

/** Before login: the newspaper's prompt and a button per provider. After: who is logged in, and log out. */
export function AccountPanel({ providers, busy, logIn, logOut }: AccountPanelProps) {
  const { t, session } = useWidget();
  const [askingNameFor, setAskingNameFor] = useState<ProviderView | null>(null);

  if (session) {
    return (
      <>
        <p class="account">
          {t.loggedInAs} <strong>{session.user.displayName}</strong>
          <span aria-hidden="true"> · </span>
          <button type="button" class="link-button" onClick={logOut}>
            {t.logOut}
          </button>
        </p>
        <AccountSettings onDeleted={logOut} />
      </>
    );
  }

  return (
    <div class="account">
      <p class="login-prompt">{t.loginPrompt}</p>
      {askingNameFor ? (
        <DevLoginForm busy={busy} onSubmit={(displayName) => logIn(askingNameFor, { displayName })} onCancel={() => setAskingNameFor(null)} />
      ) : (
        <div class="providers">
          {providers.map((provider) => (
            <button
              key={provider.id}
              type="button"
              class="button"
              disabled={busy}
              onClick={() => (provider.kind === 'dev' ? setAskingNameFor(provider) : logIn(provider, {}))}
            >
              {t.providerNames[provider.id] ?? provider.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
