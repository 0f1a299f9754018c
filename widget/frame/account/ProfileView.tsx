import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PublicProfile } from '@/contract/profiles.js';
import { describeError, type ErrorText } from '@widget/shared/i18n/describe-error.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useWidget } from '../widget-context.js';
import { createAccountApi } from './account-api.js';
import { ACCOUNT_MESSAGES } from './account-messages.js';

/** A commenter's public record, opened from their name: history, likes received, the 30-day self-deletion share. */
export function ProfileView({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { t, lang } = useWidget();
  const m = ACCOUNT_MESSAGES[lang];
  const api = useMemo(() => createAccountApi(() => null), []);
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  useEffect(() => {
    api.profile(userId).then(setProfile, (failure: unknown) => setError(describeError(failure, t, lang)));
  }, [api, userId, t, lang]);

  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-GB');
  return (
    <section class="profile" aria-label={profile ? m.profileOf(profile.user.displayName) : undefined}>
      <ErrorNotice error={error} />
      {profile && (
        <>
          <h3>{m.profileOf(profile.user.displayName)}</h3>
          <p class="hint">
            {m.joined(date(profile.user.joinedAt))} · {m.likesReceived(profile.likesReceived)} ·{' '}
            {m.deletionRatio(Math.round(profile.last30Days.deletionRatio * 100), profile.last30Days.written)}
          </p>
          <ul>
            {profile.comments.map((comment) => (
              <li key={comment.id}>
                <a href={comment.article.url} target="_blank" rel="noopener noreferrer">
                  {comment.article.title}
                </a>
                : {comment.body}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="link-button" onClick={onClose}>
        {m.close}
      </button>
    </section>
  );
}
