import type { QueueReason } from '@/contract/moderation-queue.js';
import { usePageText } from '../page-text.js';

/**
 * Each Standards Board reason: its rule id, what it did, its message in the page's language, the
 * classifier's score when it gave one, and its policy clause.
 */
export function ReasonList({ reasons }: { reasons: QueueReason[] }) {
  const { t, lang } = usePageText();
  if (reasons.length === 0) return <p class="reasons-none muted">{t.noReasons}</p>;
  return (
    <ul class="reasons" aria-label={t.reasonsHeading}>
      {reasons.map((reason, index) => (
        <li key={index} class="reason">
          <code class="rule">{reason.rule}</code>
          {reason.action && <span class={`badge badge-${reason.action}`}>{t.actions[reason.action]}</span>}
          <span class="reason-message">{lang === 'ko' && reason.messageKo ? reason.messageKo : reason.message}</span>
          {reason.match?.term && <span class="muted"> ({reason.match.term})</span>}
          {reason.score !== undefined && <span class="muted classifier-score"> ({t.classifierScore(reason.score)})</span>}
          {reason.clause && (
            <a class="clause" href={`/policy#${lang}`} target="_blank" rel="noopener">
              {reason.clause}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
