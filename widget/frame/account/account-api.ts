import { createJsonRequest } from '@widget/shared/api/json-request.js';
import type { AccountExport } from '@/contract/account.js';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import type { PublicProfile } from '@/contract/profiles.js';

/** The account section's calls: notification settings, the data export, deleting the account, profiles. */
export function createAccountApi(currentToken: () => string | null) {
  const json = createJsonRequest(currentToken);
  return {
    notifications: () => json<NotificationSettingsView>('GET', '/me/notifications', undefined, { fresh: true }),
    saveNotifications: (changes: Partial<Omit<NotificationSettingsView, 'emailVerified'>>) =>
      json<NotificationSettingsView>('PUT', '/me/notifications', changes),
    exportData: () => json<AccountExport>('GET', '/me/export', undefined, { fresh: true }),
    deleteAccount: (confirm: string) => json<null>('DELETE', '/me', { confirm }),
    profile: (userId: string) => json<PublicProfile>('GET', `/users/${encodeURIComponent(userId)}/profile`),
  };
}
