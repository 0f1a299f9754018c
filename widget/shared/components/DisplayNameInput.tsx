import { useEffect, useRef } from 'preact/hooks';

/** The demo login's display name: the server accepts 1–40 characters. */
const NAME_MAX = 40;

/** The demo login's name field, shared by the reader widget and the desk: focused on open, Escape cancels. */
export function DisplayNameInput({ value, onChange, onCancel }: { value: string; onChange: (name: string) => void; onCancel: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <input
      id="dev-login-name"
      ref={input}
      value={value}
      maxLength={NAME_MAX}
      autoComplete="nickname"
      required
      onInput={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    />
  );
}
