import { useMemo, useState } from 'preact/hooks';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import { describeError, type ErrorText } from '@widget/shared/i18n/describe-error.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useWidget } from '../widget-context.js';
import { createAccountApi } from './account-api.js';
import { ACCOUNT_MESSAGES } from './account-messages.js';

/** The logged-in reader's own section: mail notifications, a copy of their data, deleting the account. */
export function AccountSettings({ onDeleted }: { onDeleted: () => void }) {
  const { t, lang, session, noteFailure } = useWidget();
  const m = ACCOUNT_MESSAGES[lang];
  const api = useMemo(() => createAccountApi(() => session?.accessToken ?? null), [session]);
  const [settings, setSettings] = useState<NotificationSettingsView | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [confirm, setConfirm] = useState('');

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    try {
      await work();
    } catch (failure) {
      noteFailure(failure);
      setError(describeError(failure, t, lang));
    }
  };
  const open = (event: Event) => {
    if ((event.currentTarget as HTMLDetailsElement).open && !settings) void attempt(async () => setSettings(await api.notifications()));
  };
  const save = (event: Event) => {
    event.preventDefault();
    if (!settings) return;
    const { emailVerified: _, ...changes } = settings;
    void attempt(async () => (setSettings(await api.saveNotifications(changes)), setStatus(m.saved)));
  };
  const download = () =>
    void attempt(async () => {
      const data = await api.exportData();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = 'comment-desk-export.json';
      link.click();
      URL.revokeObjectURL(link.href);
    });
  const remove = (event: Event) => {
    event.preventDefault();
    void attempt(async () => (await api.deleteAccount(confirm), onDeleted()));
  };
  const toggle = (key: 'reply' | 'decision' | 'standing', label: string) =>
    settings && (
      <label class="account-option">
        <input type="checkbox" checked={settings[key]} onChange={(event) => setSettings({ ...settings, [key]: event.currentTarget.checked })} /> {label}
      </label>
    );

  return (
    <details class="account-settings" onToggle={open}>
      <summary>{m.myAccount}</summary>
      {settings && (
        <form onSubmit={save}>
          <fieldset>
            <legend>{m.notifications}</legend>
            <label>
              {m.email}{' '}
              <input type="email" value={settings.email ?? ''} onInput={(event) => setSettings({ ...settings, email: event.currentTarget.value || null })} />
            </label>
            {settings.email && !settings.emailVerified && <p class="hint">{m.unconfirmed}</p>}
            {toggle('reply', m.onReply)}
            {toggle('decision', m.onDecision)}
            {toggle('standing', m.onStanding)}
            <label>
              {m.delivery}{' '}
              <select
                value={settings.delivery}
                onChange={(event) => setSettings({ ...settings, delivery: event.currentTarget.value as NotificationSettingsView['delivery'] })}
              >
                {(['immediate', 'hourly', 'daily'] as const).map((value) => (
                  <option key={value} value={value}>
                    {m.deliveries[value]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {m.language}{' '}
              <select value={settings.locale} onChange={(event) => setSettings({ ...settings, locale: event.currentTarget.value as 'ko' | 'en' })}>
                <option value="ko">한국어</option>
                <option value="en">English</option>
              </select>
            </label>
            <button type="submit" class="button">
              {m.save}
            </button>
          </fieldset>
        </form>
      )}
      <fieldset>
        <legend>{m.myData}</legend>
        <button type="button" class="button" onClick={download}>
          {m.download}
        </button>
      </fieldset>
      <form onSubmit={remove}>
        <fieldset>
          <legend>{m.deleteAccount}</legend>
          <p class="hint">{m.deleteExplained}</p>
          <input type="text" aria-label={m.deleteAccount} value={confirm} onInput={(event) => setConfirm(event.currentTarget.value)} />{' '}
          <button type="submit" class="button button-danger" disabled={confirm !== session?.user.displayName}>
            {m.deleteConfirm}
          </button>
        </fieldset>
      </form>
      <div aria-live="polite">
        {status && <p class="notice">{status}</p>}
        <ErrorNotice error={error} />
      </div>
    </details>
  );
}
