import { useState } from 'preact/hooks';
import { DisplayNameInput } from '@widget/shared/components/DisplayNameInput.js';
import { useWidget } from '../widget-context.js';

/** The demo login asks only for the name to show beside the reader's comments. */
export function DevLoginForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit: (name: string) => void; onCancel: () => void }) {
  const { t } = useWidget();
  const [name, setName] = useState('');

  return (
    <form
      class="dev-login"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onSubmit(name.trim());
      }}
    >
      <label for="dev-login-name">{t.displayName}</label>
      <DisplayNameInput value={name} onChange={setName} onCancel={onCancel} />
      <button type="submit" class="button button-primary" disabled={busy || !name.trim()}>
        {t.logIn}
      </button>
      <button type="button" class="button button-quiet" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
