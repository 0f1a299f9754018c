/** A login as `provider:subject`, the way the admin command and ADMIN_SUBJECTS name one. */
export interface IdentityRef {
  provider: string;
  subject: string;
}

const PROVIDER = /^[a-z][a-z0-9_-]{0,31}$/u;

/** `provider:subject` (the subject may hold colons itself), or null when it is not one. */
export function parseIdentityRef(text: string): IdentityRef | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const provider = text.slice(0, colon);
  const subject = text.slice(colon + 1);
  if (!PROVIDER.test(provider) || subject === '' || subject.length > 512 || subject.trim() !== subject) return null;
  return { provider, subject };
}
