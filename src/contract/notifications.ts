/** A reader's mail notifications (`GET`/`PUT /api/v1/me/notifications`). */
export interface NotificationSettingsView {
  /** Where mail goes; null: nowhere yet. */
  email: string | null;
  /** Mail is sent only to a confirmed address: one a login provider vouched for, or one confirmed by the link mailed to it. */
  emailVerified: boolean;
  locale: 'ko' | 'en';
  /** Each kind is opt-in. */
  reply: boolean;
  decision: boolean;
  standing: boolean;
  /** `immediate`, or a digest each hour or each day. */
  delivery: 'immediate' | 'hourly' | 'daily';
}
