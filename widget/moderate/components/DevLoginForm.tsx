import { useState } from 'preact/hooks';
import { DisplayNameInput } from '@widget/shared/components/DisplayNameInput.js';
import type { Role } from '@/contract/users.js';
import { usePageText } from '../page-text.js';

/** The demo login makes whatever account it is asked for; the desk is for these two roles. */
const DESK_ROLES: Role[] = ['moderator', 'admin'];
/** The choice that leaves the account's role as it is (an admin named by `npm run admin`, say). */
const KEEP = '';

/** The local demo's login: a name, and the role the demo account gets (or the one it has). */
export function DevLoginForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit: (name: string, role: Role | null) => void; onCancel: () => void }) {
  const { t } = usePageText();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | typeof KEEP>('moderator');

  return (
    <form
      class="dev-login"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onSubmit(name.trim(), role === KEEP ? null : role);
      }}
    >
      <div class="field">
        <label for="dev-login-name">{t.displayName}</label>
        <DisplayNameInput value={name} onChange={setName} onCancel={onCancel} />
      </div>
      <div class="field">
        <label for="dev-login-role">{t.role}</label>
        <select id="dev-login-role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role | typeof KEEP)}>
          <option value={KEEP}>{t.ownRole}</option>
          {DESK_ROLES.map((option) => (
            <option key={option} value={option}>
              {t.roles[option]}
            </option>
          ))}
        </select>
      </div>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy || !name.trim()}>
          {busy ? t.loggingIn : t.logIn}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
