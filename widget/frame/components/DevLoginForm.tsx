import { useEffect, useRef, useState } from 'preact/hooks';
import { useWidget } from '../widget-context.js';

const NAME_MAX = 40;

/** The demo login asks only for the name to show beside the reader's comments. */
export function DevLoginForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit(name: string): void; onCancel(): void }) {
  const { t } = useWidget();
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  return (
    <form
      class="dev-login"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onSubmit(name.trim());
      }}
    >
      <label for="dev-login-name">{t.displayName}</label>
      <input
        id="dev-login-name"
        ref={input}
        value={name}
        maxLength={NAME_MAX}
        autoComplete="nickname"
        required
        onInput={(event) => setName(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      />
      <button type="submit" class="button button-primary" disabled={busy || !name.trim()}>
        {t.logIn}
      </button>
      <button type="button" class="button button-quiet" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
